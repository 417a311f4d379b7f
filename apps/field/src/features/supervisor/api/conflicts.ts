import { jsonSchema } from '@jigi/sync';
import { z } from 'zod';
import { apiGet, apiPost, seg } from './client';

/** A same-field conflict on a critical path, waiting for the supervisor (docs/decisions.md §3.5). */
export const conflictSchema = z.object({
  id: z.string(),
  recordId: z.string(),
  path: z.string(),
  serverValue: jsonSchema,
  incomingValue: jsonSchema,
  baseVersion: z.number().int(),
  serverVersion: z.number().int(),
  serverBy: z.string().nullable(),
  deviceId: z.string(),
  userId: z.string(),
  createdAt: z.string(),
  status: z.enum(['open', 'resolved']),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const conflictListSchema = z.object({ conflicts: z.array(conflictSchema) });

/** `GET /api/review/conflicts?status=open&zone=` */
export function listConflicts(
  token: string,
  query: { zone?: string; status?: 'open' | 'resolved' },
  signal?: AbortSignal,
) {
  return apiGet(token, '/api/review/conflicts', query, conflictListSchema, signal);
}

const sideSchema = z.object({
  value: jsonSchema,
  deviceId: z.string().nullable(),
  userName: z.string().nullable(),
  at: z.string().nullable(),
});

/** Both values with who and when, and the value both edits started from. */
export const conflictDetailSchema = z.object({
  conflict: conflictSchema,
  record: z.object({
    id: z.string(),
    type: z.string(),
    villageId: z.string(),
    version: z.number().int(),
  }),
  server: sideSchema.extend({ version: z.number().int() }),
  incoming: sideSchema,
  base: z.object({ version: z.number().int(), value: jsonSchema.optional() }),
});
export type ConflictDetail = z.infer<typeof conflictDetailSchema>;

/** `GET /api/review/conflicts/:conflictId` */
export function getConflict(token: string, id: string, signal?: AbortSignal) {
  return apiGet(token, `/api/review/conflicts/${seg(id)}`, {}, conflictDetailSchema, signal);
}

export type Resolution =
  | { choice: 'server' }
  | { choice: 'incoming' }
  | { choice: 'value'; value: z.infer<typeof jsonSchema> };
export const resolveResultSchema = z.object({ conflictId: z.string(), version: z.number().int() });

/** `POST /api/review/conflicts/:conflictId/resolve` — a side, or a typed value (`null` removes). */
export function resolveConflict(token: string, id: string, resolution: Resolution) {
  return apiPost(
    token,
    `/api/review/conflicts/${seg(id)}/resolve`,
    resolution,
    resolveResultSchema,
  );
}
