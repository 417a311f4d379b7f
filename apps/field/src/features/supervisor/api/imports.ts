import { importSummarySchema, type ImportSummary } from '@jigi/sync';
import { apiPostBytes } from './client';

/** `POST /api/admin/imports` (admin only): the file's bytes as they are, gzip included; the answer is read with the server's own schema. */
export function importExportFile(token: string, file: Blob) {
  return apiPostBytes(token, '/api/admin/imports', file, importSummarySchema);
}

/** Every mutation of the file was already on the server: the import changed nothing. */
export function alreadyImported(summary: ImportSummary): boolean {
  return summary.mutations > 0 && (summary.outcomes['duplicate'] ?? 0) === summary.mutations;
}
