import {
  conflictDetailResponseSchema,
  conflictListResponseSchema,
  resolutionResponseSchema,
  type Resolution,
} from '@jigi/contract';
import { apiGet, apiPost, seg } from './client';

/** `GET /api/review/conflicts?status=open&zone=` */
export function listConflicts(
  query: { zone?: string; status?: 'open' | 'resolved' },
  signal?: AbortSignal,
) {
  return apiGet('/api/review/conflicts', query, conflictListResponseSchema, signal);
}

/** `GET /api/review/conflicts/:conflictId` */
export function getConflict(id: string, signal?: AbortSignal) {
  return apiGet(`/api/review/conflicts/${seg(id)}`, {}, conflictDetailResponseSchema, signal);
}

/** `POST /api/review/conflicts/:conflictId/resolve` — a side, or a typed value (`null` removes). */
export function resolveConflict(id: string, resolution: Resolution) {
  return apiPost(`/api/review/conflicts/${seg(id)}/resolve`, resolution, resolutionResponseSchema);
}
