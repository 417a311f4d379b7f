import { z } from 'zod';
import { apiGet, seg, type Query } from './client';
import { reviewRecordSchema } from './common-schemas';

/** One accepted push (DESIGN.md §3.9). */
export const batchSchema = z.object({
  number: z.number().int(),
  batchId: z.string(),
  deviceId: z.string(),
  deviceLabel: z.string().optional(),
  userId: z.string(),
  userName: z.string().optional(),
  receivedAt: z.string(),
  clientTime: z.string().optional(),
  clockOffsetMs: z.number().optional(),
  /** Records per record type. */
  counts: z.record(z.string(), z.number()),
  villages: z.array(z.string()),
  /** Records per review status. */
  statusCounts: z.record(z.string(), z.number()).default({}),
  warningCount: z.number().int().optional(),
});
export type Batch = z.infer<typeof batchSchema>;

export const batchListSchema = z.object({ batches: z.array(batchSchema), total: z.number().int() });
export type BatchList = z.infer<typeof batchListSchema>;

export const batchDetailSchema = z.object({ batch: batchSchema, records: z.array(reviewRecordSchema) });
export type BatchDetail = z.infer<typeof batchDetailSchema>;

/** Filters of the batch list; the same names go to the URL, the API and the exports. */
export interface ReviewFilters {
  zone?: string;
  userId?: string;
  from?: string;
  to?: string;
  recordType?: string;
  status?: string;
}

export const BATCH_PAGE_SIZE = 50;

/** `GET /api/review/batches` */
export function listBatches(token: string, filters: ReviewFilters, page: number, signal?: AbortSignal) {
  const query: Query = { ...filters, limit: BATCH_PAGE_SIZE, offset: page * BATCH_PAGE_SIZE };
  return apiGet(token, '/api/review/batches', query, batchListSchema, signal);
}

/** `GET /api/review/batches/:number` */
export function getBatch(token: string, number: number, signal?: AbortSignal) {
  return apiGet(token, `/api/review/batches/${seg(number)}`, {}, batchDetailSchema, signal);
}
