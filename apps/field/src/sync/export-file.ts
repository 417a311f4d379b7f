// The export file (docs/architecture.md §4): when a tablet cannot sync, its unsent changes go to a file
// that an admin imports on the server through the same idempotent push path, so importing it twice,
// or importing it and then syncing, changes nothing the second time. Format in README.md § Export file;
// its schema, writer and reader live in @jigi/sync so that the tablet and the server share one definition.

export {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  exportFileSchema,
  exportFileText,
  parseExportFile,
  type ExportFile,
  type ExportParse,
} from '@jigi/sync';

/** `jigi-export-<device>-<yyyymmdd-hhmm>.json.gz` (device clock: only a name). */
export function exportFileName(deviceId: string, at: string): string {
  const stamp = at.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `jigi-export-${deviceId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40)}-${stamp}.json.gz`;
}
