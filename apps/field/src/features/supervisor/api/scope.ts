import { z } from 'zod';
import { apiGet } from './client';

/** Villages of the supervisor's zones (filter options, names shown instead of ids). */
export const reviewScopeSchema = z.object({
  villages: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      communeCode: z.string(),
      quota: z.number().int().optional(),
    }),
  ),
});
export type ReviewScope = z.infer<typeof reviewScopeSchema>;

/** `GET /api/reference/villages` */
export function getScope(token: string, signal?: AbortSignal) {
  return apiGet(token, '/api/reference/villages', {}, reviewScopeSchema, signal);
}
