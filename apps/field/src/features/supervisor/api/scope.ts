import { z } from 'zod';
import { apiGet } from './client';

/** What the supervisor may see: villages of their zones and the agents working there (filter options). */
export const reviewScopeSchema = z.object({
  villages: z.array(z.object({ id: z.string(), name: z.string(), communeCode: z.string(), quota: z.number().int().optional() })),
  agents: z.array(z.object({ id: z.string(), name: z.string(), role: z.string() })).default([]),
});
export type ReviewScope = z.infer<typeof reviewScopeSchema>;

/** `GET /api/review/scope` */
export function getScope(token: string, signal?: AbortSignal) {
  return apiGet(token, '/api/review/scope', {}, reviewScopeSchema, signal);
}
