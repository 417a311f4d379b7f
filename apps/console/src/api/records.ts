import { recordDetailResponseSchema } from '@jigi/contract';
import { apiGet, seg } from './client';

/** `GET /api/review/records/:recordId` */
export function getRecord(id: string, signal?: AbortSignal) {
  return apiGet(`/api/review/records/${seg(id)}`, {}, recordDetailResponseSchema, signal);
}
