import { importSummarySchema, type ImportSummary } from '@jigi/contract';
import { apiPostBytes } from './client';

/** `POST /api/admin/imports` (admin only): the file's bytes as they are, gzip included. */
export function importExportFile(file: Blob) {
  return apiPostBytes('/api/admin/imports', file, importSummarySchema);
}

/** Every mutation of the file was already on the server: the import changed nothing. */
export function alreadyImported(summary: ImportSummary): boolean {
  return summary.mutations > 0 && (summary.outcomes['duplicate'] ?? 0) === summary.mutations;
}
