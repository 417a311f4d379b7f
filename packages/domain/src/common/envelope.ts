import { z } from 'zod';
import { idSchema, isoDateTimeSchema } from './primitives';

/**
 * Fields every record carries at its top level (docs/architecture.md §1). `type` and `schemaVersion`
 * are added per record type as literals, so the union can discriminate on `type`.
 */
export const envelopeShape = {
  id: idSchema,
  villageId: z.string().min(1),
  agentId: z.string().min(1),
  deviceId: z.string().min(1),
  /** Device clock, for display and audit only: it never decides anything. */
  capturedAt: isoDateTimeSchema,
};

/** Envelope fields of `type` at `version`. */
export function envelope<const T extends string, const V extends number>(type: T, version: V) {
  return { ...envelopeShape, type: z.literal(type), schemaVersion: z.literal(version) };
}

/** GPS point as the tablet reads it. */
export const gpsSchema = z.object({
  lat: z.number().min(-90).max(90),
  lon: z.number().min(-180).max(180),
  accuracyM: z.number().min(0).max(100000),
});
export type Gps = z.infer<typeof gpsSchema>;
