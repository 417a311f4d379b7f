import { z } from 'zod';

// What every admin list shares: the page asked for (offset, limit) and the total it was cut from, so
// a screen shows « 21–40 sur 312 » and its pager without reading everything.

/** Query of a paged admin list; the server answers at most `limit` rows from `offset`. */
export const pageQuerySchema = z.object({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

/** A free-text search box: trimmed, empty means none. */
export const searchTextSchema = z.string().trim().max(120).optional();

/** A page of rows with the total the filters match. */
export const pageOf = <T extends z.ZodType>(row: T) =>
  z.object({ rows: z.array(row), total: z.number().int().min(0) });
