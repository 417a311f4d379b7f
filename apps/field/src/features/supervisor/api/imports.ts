import { z } from 'zod';
import { apiPostBytes } from './client';

/**
 * What `POST /api/admin/imports` answers for a tablet's export file: every mutation's outcome
 * (an id the server already had counts as `duplicate`), the review batches it created (none when
 * the file, or the tablet's own sync, got there first), and the refusals by reason.
 */
export const importSummarySchema = z.object({
  deviceId: z.string(),
  userId: z.string(),
  /** The tablet's clock when it wrote the file. */
  exportedAt: z.string(),
  pushes: z.number().int(),
  mutations: z.number().int(),
  outcomes: z.record(z.string(), z.number().int()),
  /** `rejected` outcomes by rejection code (`forbidden`, `validation_failed`, …). */
  rejections: z.record(z.string(), z.number().int()).default({}),
  batches: z.array(z.number().int()),
});
export type ImportSummary = z.infer<typeof importSummarySchema>;

/** `POST /api/admin/imports` (admin only): the file's bytes as they are, gzip included. */
export function importExportFile(token: string, file: Blob) {
  return apiPostBytes(token, '/api/admin/imports', file, importSummarySchema);
}

/** Every mutation of the file was already on the server: the import changed nothing. */
export function alreadyImported(summary: ImportSummary): boolean {
  return summary.mutations > 0 && (summary.outcomes['duplicate'] ?? 0) === summary.mutations;
}
