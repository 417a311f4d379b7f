import { recordTypes } from '@jigi/domain';
import { z } from 'zod';
import { idSchema, isoDaySchema, reviewStatusSchema } from './common';

// `GET /api/exports/records.csv` and `GET /api/exports/records.xlsx`: a record type's records in the
// caller's zones, streamed as a file (docs/exports.md). The answer is the file itself, not JSON.

/**
 * `fr` (default): French headers and code labels, dates `jj/mm/aaaa`, Oui/Non — for people. `codes`:
 * field keys as headers, stored codes, ISO dates, 1/0 — for analysts' scripts; same file dialect.
 */
export const exportLabelModes = ['fr', 'codes'] as const;
export type ExportLabelMode = (typeof exportLabelModes)[number];

/** `?type=&zone=&status=&from=&to=&demo=&labels=`: what both formats take. */
export const exportQuerySchema = z.object({
  type: z.enum(recordTypes),
  zone: idSchema.optional(),
  status: reviewStatusSchema.optional(),
  /** Received on or after this day. */
  from: isoDaySchema.optional(),
  /** Received on or before this day (the whole day). */
  to: isoDaySchema.optional(),
  /** `exclude`: leave the demo villages out (a real export); default `include` so the demo works. */
  demo: z.enum(['include', 'exclude']).default('include'),
  labels: z.enum(exportLabelModes).default('fr'),
});
export type ExportQuery = z.infer<typeof exportQuerySchema>;

/** The CSV takes one table: a child table (`members`, `attendance`, …) instead of the records. */
export const csvExportQuerySchema = exportQuerySchema.extend({
  table: z
    .string()
    .regex(/^[a-z][a-zA-Z]*$/)
    .optional(),
});
export type CsvExportQuery = z.infer<typeof csvExportQuerySchema>;

/** Media types of the answers. */
export const exportMediaTypes = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;
