import {
  batchDetailResponseSchema,
  batchListResponseSchema,
  type BatchListQuery,
} from '@jigi/contract';
import { apiGet, seg, type Query } from './client';

/** Filters of the batch list; the same names go to the URL, the API and the exports. */
export type ReviewFilters = Omit<BatchListQuery, 'limit' | 'offset' | 'recordType' | 'status'> & {
  recordType?: string;
  status?: string;
};

export const BATCH_PAGE_SIZE = 50;

/** `GET /api/review/batches?zone&userId&from&to&recordType&status&limit&offset` */
export function listBatches(filters: ReviewFilters, page: number, signal?: AbortSignal) {
  const query: Query = { ...filters, limit: BATCH_PAGE_SIZE, offset: page * BATCH_PAGE_SIZE };
  return apiGet('/api/review/batches', query, batchListResponseSchema, signal);
}

/** `GET /api/review/batches/:batchNumber` */
export function getBatch(number: number, signal?: AbortSignal) {
  return apiGet(`/api/review/batches/${seg(number)}`, {}, batchDetailResponseSchema, signal);
}
