import { villageListResponseSchema } from '@jigi/contract';
import { apiGet } from './client';

/** `GET /api/reference/villages`: the villages of the user's zones (filter options, names for ids). */
export function getScope(signal?: AbortSignal) {
  return apiGet('/api/reference/villages', {}, villageListResponseSchema, signal);
}
