import { jsonSchema } from '@jigi/sync';
import { z } from 'zod';
import { apiGet, seg } from './client';
import { reviewRecordSchema } from './common-schemas';

/**
 * One stored version. `changes` is the whole record for a create, `{ path: value | null }` for a
 * patch (only the paths that applied), null for a delete; `overwritten` holds the values it replaced.
 */
export const recordVersionSchema = z.object({
  version: z.number().int(),
  op: z.string(),
  changes: jsonSchema.nullable(),
  overwritten: jsonSchema.nullable().optional(),
  /** A device id, or `user:<id>` for a supervisor's resolution. */
  actor: z.string(),
  userId: z.string().nullable(),
  userName: z.string().optional(),
  deviceId: z.string().nullable(),
  serverTime: z.string(),
  clientTime: z.string().nullable().optional(),
});
export type RecordVersion = z.infer<typeof recordVersionSchema>;

export const reviewDecisionSchema = z.object({
  version: z.number().int(),
  decision: z.string(),
  comment: z.string().nullable(),
  userId: z.string(),
  userName: z.string().optional(),
  at: z.string(),
});
export type ReviewDecision = z.infer<typeof reviewDecisionSchema>;

export const recordDetailSchema = z.object({
  record: reviewRecordSchema,
  versions: z.array(recordVersionSchema).default([]),
  decisions: z.array(reviewDecisionSchema).default([]),
  /** Critical fields waiting for the supervisor's arbitration. */
  openConflictPaths: z.array(z.string()).default([]),
  /** Corrections asked and not yet made by the agent. */
  openTasks: z
    .array(z.object({ id: z.string(), comment: z.string(), createdAt: z.string() }))
    .default([]),
});
export type RecordDetail = z.infer<typeof recordDetailSchema>;

/** `GET /api/review/records/:recordId` */
export function getRecord(token: string, id: string, signal?: AbortSignal) {
  return apiGet(token, `/api/review/records/${seg(id)}`, {}, recordDetailSchema, signal);
}
