import { villageSchema } from '@jigi/domain';
import { wireLimits } from '@jigi/sync';
import { z } from 'zod';

// Pieces every console API shares: ids in paths and filters, calendar days, review statuses.

/** An id the server hands out (record, batch, user, zone): bounded like every wire id. */
export const idSchema = z.string().min(1).max(wireLimits.maxIdLength);

/** A calendar day `yyyy-mm-dd` (filters: `to` includes the whole day). */
export const isoDaySchema = z.iso.date();

/** Review state of a record on the server (architecture.md §1: never part of the record). */
export const reviewStatuses = ['received', 'approved', 'returned', 'rejected'] as const;
export type ReviewStatus = (typeof reviewStatuses)[number];
export const reviewStatusSchema = z.enum(reviewStatuses);

/** `?zone=&from=&to=`: the filter of the dashboard and the exports (the zone within the caller's own). */
export const zoneDayRangeQuerySchema = z.object({
  zone: idSchema.optional(),
  from: isoDaySchema.optional(),
  to: isoDaySchema.optional(),
});
export type ZoneDayRangeQuery = z.infer<typeof zoneDayRangeQuerySchema>;

/** `GET /api/reference/villages`: the villages of the caller's zones (filter options, names for ids). */
export const villageListResponseSchema = z.object({
  villages: z.array(villageSchema.extend({ version: z.number().int() })),
});
export type VillageListResponse = z.infer<typeof villageListResponseSchema>;
