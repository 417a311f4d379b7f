import { pushRequestSchema } from '@jigi/sync';
import { z } from 'zod';

// The export file (issue 5, DESIGN.md §4): when a tablet cannot sync, its unsent changes go to a file
// that an admin imports on the server through the same idempotent push path, so importing it twice,
// or importing it and then syncing, changes nothing the second time. Format in README.md § Export file.

export const EXPORT_FORMAT = 'jigi-collect-export';
export const EXPORT_FORMAT_VERSION = 1;

export const exportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  deviceId: z.string().min(1),
  userId: z.string().min(1),
  /** Device clock (audit only). */
  exportedAt: z.iso.datetime(),
  /** Push request bodies exactly as the tablet sends them, ascending mutation ids, no gap between them. */
  pushes: z.array(pushRequestSchema).min(1),
});
export type ExportFile = z.infer<typeof exportFileSchema>;

/**
 * The file's JSON text with each push body embedded verbatim (the frozen text the tablet would send),
 * so the server imports the very bytes a sync would have pushed.
 */
export function exportFileText(head: { deviceId: string; userId: string; exportedAt: string }, bodies: readonly string[]): string {
  const prefix = JSON.stringify({ format: EXPORT_FORMAT, formatVersion: EXPORT_FORMAT_VERSION, ...head });
  return `${prefix.slice(0, -1)},"pushes":[${bodies.join(',')}]}`;
}

export type ExportParse = { ok: true; file: ExportFile } | { ok: false; error: { kind: 'not_json' | 'not_export' | 'gap'; message: string } };

/** Reads an export file's text (after gunzip), checking what the server import relies on. */
export function parseExportFile(text: string): ExportParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e: unknown) {
    return { ok: false, error: { kind: 'not_json', message: e instanceof Error ? e.message : String(e) } };
  }
  const parsed = exportFileSchema.safeParse(data);
  if (!parsed.success) return { ok: false, error: { kind: 'not_export', message: parsed.error.message } };
  const ids = parsed.data.pushes.flatMap((p) => p.mutations.map((m) => m.mutationId));
  const gap = ids.findIndex((id, i) => i > 0 && id !== (ids[i - 1] ?? 0) + 1);
  if (gap > 0) return { ok: false, error: { kind: 'gap', message: `mutation ${ids[gap - 1] ?? 0} followed by ${ids[gap] ?? 0}` } };
  if (parsed.data.pushes.some((p) => p.deviceId !== parsed.data.deviceId)) return { ok: false, error: { kind: 'not_export', message: 'push of another device' } };
  return { ok: true, file: parsed.data };
}

/** `jigi-export-<device>-<yyyymmdd-hhmm>.json.gz` (device clock: only a name). */
export function exportFileName(deviceId: string, at: string): string {
  const stamp = at.slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return `jigi-export-${deviceId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 40)}-${stamp}.json.gz`;
}
