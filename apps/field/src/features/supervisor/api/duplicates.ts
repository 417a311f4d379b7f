import { z } from 'zod';
import { apiGet, apiPost } from './client';

/** Ciblage households of one village with the same normalised head name and the same phone or NINA. */
export const duplicateSchema = z.object({
  villageId: z.string(),
  headNameKey: z.string(),
  reason: z.string(),
  recordIds: z.array(z.string()).min(2),
});
export type DuplicateCandidate = z.infer<typeof duplicateSchema>;

export const duplicateListSchema = z.object({ candidates: z.array(duplicateSchema) });

/** A stable key of a candidate group (the server gives none). */
export function candidateKey(c: DuplicateCandidate): string {
  return `${c.reason}:${c.recordIds.join(',')}`;
}

/** `GET /api/review/duplicates?zone=` */
export function listDuplicates(token: string, query: { zone?: string }, signal?: AbortSignal) {
  return apiGet(token, '/api/review/duplicates', query, duplicateListSchema, signal);
}

export type DuplicateDecision = { action: 'keep_both' } | { action: 'merge'; keepRecordId: string };

export const duplicateResultSchema = z.object({}).loose();

/**
 * `POST /api/review/duplicates/resolve` `{ recordIds, action: 'keep_both' | 'merge', keepRecordId? }`.
 * NOT PROVIDED BY THE SERVER YET (see README): the merge must keep both histories.
 */
export function resolveDuplicate(
  token: string,
  candidate: DuplicateCandidate,
  decision: DuplicateDecision,
) {
  return apiPost(
    token,
    '/api/review/duplicates/resolve',
    { recordIds: candidate.recordIds, ...decision },
    duplicateResultSchema,
  );
}
