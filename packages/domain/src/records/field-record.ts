import { z } from 'zod';
import { ciblageHouseholdSchema } from './ciblage-household';
import { himoAttendanceSchema, himoPaymentSchema, himoWorkerSchema } from './himo';
import { maSessionSchema } from './ma-session';
import { pnpEnrolmentSchema } from './pnp-enrolment';

/** Every record type synced from devices (docs/architecture.md §1). */
export const recordTypes = [
  'ciblage_household',
  'ma_session',
  'pnp_enrolment',
  'himo_worker',
  'himo_attendance',
  'himo_payment',
] as const;
export type RecordType = (typeof recordTypes)[number];

/** Schema of each record type at its current schemaVersion. */
export const recordSchemas = {
  ciblage_household: ciblageHouseholdSchema,
  ma_session: maSessionSchema,
  pnp_enrolment: pnpEnrolmentSchema,
  himo_worker: himoWorkerSchema,
  himo_attendance: himoAttendanceSchema,
  himo_payment: himoPaymentSchema,
} as const satisfies Record<RecordType, z.ZodType>;

/** Any record at its current version, discriminated by `type`. */
export const fieldRecordSchema = z.discriminatedUnion('type', [
  ciblageHouseholdSchema,
  maSessionSchema,
  pnpEnrolmentSchema,
  himoWorkerSchema,
  himoAttendanceSchema,
  himoPaymentSchema,
]);
export type FieldRecord = z.infer<typeof fieldRecordSchema>;
/** The record of one type. */
export type RecordOf<T extends RecordType> = Extract<FieldRecord, { type: T }>;

/** Current schemaVersion of each type; a device writes this, older ones are migrated. */
export const currentSchemaVersions = Object.fromEntries(
  recordTypes.map((t) => [t, recordSchemas[t].shape.schemaVersion.value]),
) as { [T in RecordType]: RecordOf<T>['schemaVersion'] };

/** Type guard for a record type name. */
export function isRecordType(value: unknown): value is RecordType {
  return typeof value === 'string' && (recordTypes as readonly string[]).includes(value);
}
