import { findContentProblem, MAX_JSON_DEPTH } from '@jigi/domain';
import { z } from 'zod';
import { instantSchema, opaqueIdSchema } from '../messages/common';
import { pushRequestSchema } from '../messages/push';

/**
 * The export file (docs/architecture.md §4): when a tablet cannot sync, its unsent pushes go to a file that an
 * admin imports on the server through the same idempotent push path. The tablet writes it, the
 * server reads it; this module is the one definition both use. The file is gzip of this JSON; gzip
 * is the caller's job (this package does no I/O). Format history, one line per version:
 *
 * 1 — `{ format, formatVersion, deviceId, userId, exportedAt, pushes[] }` (2026-11).
 */
export const EXPORT_FORMAT = 'jigi-collect-export';
export const EXPORT_FORMAT_VERSION = 1;

/** sha256 of the head's JSON Schema at EXPORT_FORMAT_VERSION (export-file.test.ts prints it). */
export const EXPORT_FORMAT_SCHEMA_HASH =
  '4c749e02a38ece3f6a7515d44557d9e4dc1c86752c166e29e9b1fd1997abc668';

/** Everything but the pushes, whose shape `PROTOCOL_VERSION` already versions. */
export const exportFileHeadSchema = z.object({
  format: z.literal(EXPORT_FORMAT),
  formatVersion: z.literal(EXPORT_FORMAT_VERSION),
  deviceId: opaqueIdSchema,
  userId: opaqueIdSchema,
  /** Device clock: audit and display only. */
  exportedAt: instantSchema,
});

export const exportFileSchema = exportFileHeadSchema.extend({
  /** Push request bodies exactly as the tablet sends them, ascending mutation ids, no gap between them. */
  pushes: z.array(pushRequestSchema).min(1),
});
export type ExportFile = z.infer<typeof exportFileSchema>;
export type ExportFileHead = Pick<ExportFile, 'deviceId' | 'userId' | 'exportedAt'>;

/**
 * Why a text is not an importable export file. `not_export`: not this format at all; `invalid`: this
 * format with content that breaks its schema or names another device; `gap`: mutation ids that skip
 * between pushes. `path` names the field when there is one.
 */
export type ExportFileErrorKind =
  'not_json' | 'not_export' | 'unsupported_format_version' | 'invalid' | 'gap';
export type ExportParse =
  | { ok: true; file: ExportFile }
  | { ok: false; error: { kind: ExportFileErrorKind; message: string; path?: string } };

/**
 * The file's JSON text with each push body embedded verbatim (the frozen text the tablet would send),
 * so the server imports the very bytes a sync would have pushed.
 */
export function exportFileText(head: ExportFileHead, bodies: readonly string[]): string {
  const prefix = JSON.stringify({
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    deviceId: head.deviceId,
    userId: head.userId,
    exportedAt: head.exportedAt,
  });
  return `${prefix.slice(0, -1)},"pushes":[${bodies.join(',')}]}`;
}

/** Reads an export file's text (after gunzip), checking everything the server import relies on. */
export function parseExportFile(text: string): ExportParse {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e: unknown) {
    return failure(
      'not_json',
      `Le fichier n’est pas du JSON : ${e instanceof Error ? e.message : String(e)}.`,
    );
  }
  if (
    typeof data !== 'object' ||
    data === null ||
    !('format' in data) ||
    data.format !== EXPORT_FORMAT
  ) {
    return failure(
      'not_export',
      `Champ « format » : attendu « ${EXPORT_FORMAT} », ce n’est pas un fichier d’export de Jigi Collect.`,
      'format',
    );
  }
  if (
    'formatVersion' in data &&
    typeof data.formatVersion === 'number' &&
    data.formatVersion !== EXPORT_FORMAT_VERSION
  ) {
    return failure(
      'unsupported_format_version',
      `Champ « formatVersion » : version ${data.formatVersion} inconnue (ce serveur lit la version ${EXPORT_FORMAT_VERSION}).`,
      'formatVersion',
    );
  }
  // Nesting is measured before the recursive schema could overflow the stack on it (a 500). Text is
  // left to each mutation's own check in the push path, which refuses that mutation alone.
  const tooDeep = findContentProblem(data, '', MAX_JSON_DEPTH + 8, { text: 'unchecked' });
  if (tooDeep !== undefined) return failure('invalid', tooDeep.message, tooDeep.path);
  const parsed = exportFileSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const path = issue?.path.map(String).join('.') ?? '';
    return failure(
      'invalid',
      `Champ « ${path || '(fichier)'} » : ${issue?.message ?? 'format invalide'}.`,
      path,
    );
  }
  const file = parsed.data;
  const other = file.pushes.findIndex((p) => p.deviceId !== file.deviceId);
  if (other >= 0)
    return failure(
      'invalid',
      `Champ « pushes.${other}.deviceId » : lot d’une autre tablette que « ${file.deviceId} ».`,
      `pushes.${other}.deviceId`,
    );
  const ids = file.pushes.flatMap((p) => p.mutations.map((m) => m.mutationId));
  const gap = ids.findIndex((id, i) => i > 0 && id !== (ids[i - 1] ?? 0) + 1);
  if (gap > 0)
    return failure(
      'gap',
      `Champ « pushes » : modifications non consécutives, n°${ids[gap - 1] ?? 0} suivie de n°${ids[gap] ?? 0}.`,
      'pushes',
    );
  return { ok: true, file };
}

function failure(kind: ExportFileErrorKind, message: string, path?: string): ExportParse {
  return { ok: false, error: { kind, message, ...(path === undefined ? {} : { path }) } };
}
