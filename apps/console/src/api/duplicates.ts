import {
  duplicateListResponseSchema,
  duplicateResolutionResponseSchema,
  type DuplicateCandidate,
} from '@jigi/contract';
import { apiGet, apiPost } from './client';

/** A stable key of a candidate group (the server gives none): the same records are one group. */
export function candidateKey(c: DuplicateCandidate): string {
  return [...c.recordIds].sort().join(',');
}

/** `GET /api/review/duplicates?zone=` */
export function listDuplicates(query: { zone?: string }, signal?: AbortSignal) {
  return apiGet('/api/review/duplicates', query, duplicateListResponseSchema, signal);
}

export type DuplicateDecision = { action: 'keep_both' } | { action: 'merge'; keepRecordId: string };

/** `POST /api/review/duplicates/resolve`: keep both, or keep one and reject the others (both histories stay). */
export function resolveDuplicate(candidate: DuplicateCandidate, decision: DuplicateDecision) {
  return apiPost(
    '/api/review/duplicates/resolve',
    { recordIds: candidate.recordIds, ...decision },
    duplicateResolutionResponseSchema,
  );
}
