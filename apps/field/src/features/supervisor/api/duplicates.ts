import { z } from 'zod';
import { apiGet, apiPost } from './client';
import { reviewRecordSchema } from './common-schemas';

/** Two ciblage households of one village with the same normalised head name and phone or NINA. */
export const duplicateSchema = z.object({
  id: z.string(),
  /** What matched: `head_name`, `phone`, `nina`. */
  reasons: z.array(z.string()).default([]),
  records: z.array(reviewRecordSchema).min(2),
});
export type DuplicateCandidate = z.infer<typeof duplicateSchema>;

export const duplicateListSchema = z.object({ duplicates: z.array(duplicateSchema) });

/** `GET /api/review/duplicates?zone=` */
export function listDuplicates(token: string, query: { zone?: string }, signal?: AbortSignal) {
  return apiGet(token, '/api/review/duplicates', query, duplicateListSchema, signal);
}

export type DuplicateDecision = { action: 'keep_both' } | { action: 'merge'; keepRecordId: string };

export const duplicateResultSchema = z.object({ ok: z.boolean().default(true) });

/** `POST /api/review/duplicates/:id/resolve` — keep both, or merge into one (both histories kept). */
export function resolveDuplicate(token: string, candidate: DuplicateCandidate, decision: DuplicateDecision) {
  const recordIds = candidate.records.map((r) => r.id);
  return apiPost(token, `/api/review/duplicates/${encodeURIComponent(candidate.id)}/resolve`, { recordIds, ...decision }, duplicateResultSchema);
}
