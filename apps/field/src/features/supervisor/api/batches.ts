import { z } from 'zod';
import { apiGet, seg, type Query } from './client';
import { jsonObjectSchema } from '@jigi/sync';
import { reviewStatusSchema } from './common-schemas';

/** One accepted push (docs/decisions.md §3.9), as `GET /api/review/batches` lists it. */
export const batchSchema = z.object({
  number: z.number().int(),
  batchId: z.string(),
  deviceId: z.string(),
  userId: z.string(),
  /** Not sent by the server yet (see README): the agent's id is shown instead. */
  userName: z.string().optional(),
  receivedAt: z.string(),
  clientTime: z.string().optional(),
  clockOffsetMs: z.number().optional(),
  /** Records per record type. */
  counts: z.record(z.string(), z.number()),
  villages: z.array(z.string()),
  /** Records per review status (list only). */
  statusCounts: z.record(z.string(), z.number()).default({}),
});
export type Batch = z.infer<typeof batchSchema>;

export const batchListSchema = z.object({ rows: z.array(batchSchema), total: z.number().int() });
export type BatchList = z.infer<typeof batchListSchema>;

/** A record of a batch, in short: open the record for its fields and warnings. */
export const batchRecordSchema = z.object({
  id: z.string(),
  type: z.string(),
  villageId: z.string(),
  version: z.number().int(),
  reviewStatus: reviewStatusSchema,
  deleted: z.boolean().default(false),
  warningCount: z.number().int().min(0).default(0),
  updatedAt: z.string(),
  /** The record's content, when the server sends it (not yet, see README): names the record in the list. */
  data: jsonObjectSchema.optional(),
});
export type BatchRecord = z.infer<typeof batchRecordSchema>;

export const batchDetailSchema = z.object({
  batch: batchSchema,
  records: z.array(batchRecordSchema),
  /** Mutations of this push the server refused (kept in quarantine with the reason). */
  rejected: z
    .array(z.object({ mutationId: z.number().int(), reasonCode: z.string(), reason: z.unknown() }))
    .default([]),
});
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

/** `GET /api/review/batches?zone&userId&from&to&recordType&status&limit&offset` */
export function listBatches(
  token: string,
  filters: ReviewFilters,
  page: number,
  signal?: AbortSignal,
) {
  const query: Query = { ...filters, limit: BATCH_PAGE_SIZE, offset: page * BATCH_PAGE_SIZE };
  return apiGet(token, '/api/review/batches', query, batchListSchema, signal);
}

/** `GET /api/review/batches/:batchNumber` */
export function getBatch(token: string, number: number, signal?: AbortSignal) {
  return apiGet(token, `/api/review/batches/${seg(number)}`, {}, batchDetailSchema, signal);
}
