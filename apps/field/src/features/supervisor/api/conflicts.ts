import { jsonSchema, type Json } from '@jigi/sync';
import { z } from 'zod';
import { apiGet, apiPost, seg } from './client';

/** A same-field conflict on a critical path, waiting for the supervisor (DESIGN.md §3.5). */
export const conflictSchema = z.object({
  id: z.string(),
  recordId: z.string(),
  recordType: z.string().optional(),
  villageId: z.string().optional(),
  path: z.string(),
  /** The value the server held (written by `serverBy`). */
  serverValue: jsonSchema,
  /** The value the later device sent. */
  incomingValue: jsonSchema,
  /** The value both edits started from, when the server can tell it. */
  baseValue: jsonSchema.optional(),
  baseVersion: z.number().int(),
  serverVersion: z.number().int(),
  serverBy: z.string().nullable(),
  serverUserId: z.string().nullable().optional(),
  serverUserName: z.string().optional(),
  serverAt: z.string().nullable().optional(),
  deviceId: z.string(),
  userId: z.string(),
  userName: z.string().optional(),
  clientTime: z.string().nullable().optional(),
  createdAt: z.string(),
  status: z.enum(['open', 'resolved']),
  resolvedValue: jsonSchema.optional(),
  resolvedBy: z.string().nullable().optional(),
  resolvedAt: z.string().nullable().optional(),
});
export type Conflict = z.infer<typeof conflictSchema>;

export const conflictListSchema = z.object({ conflicts: z.array(conflictSchema) });

/** `GET /api/review/conflicts?status=open&zone=` */
export function listConflicts(token: string, query: { zone?: string; status?: 'open' | 'resolved' }, signal?: AbortSignal) {
  return apiGet(token, '/api/review/conflicts', query, conflictListSchema, signal);
}

export const resolveResultSchema = z.object({ version: z.number().int().optional() });

/** `POST /api/review/conflicts/:id/resolve` with the chosen or typed value (`null` removes). */
export function resolveConflict(token: string, id: string, value: Json) {
  return apiPost(token, `/api/review/conflicts/${seg(id)}/resolve`, { value }, resolveResultSchema);
}
