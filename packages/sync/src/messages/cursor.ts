import { z } from 'zod';

/**
 * A pull position: the server epoch (changes when the database is restored, docs/architecture.md §4) and the
 * last server change sequence the device has. Written `<epoch>.<seq>` on the wire.
 */
export type Cursor = { readonly epoch: string; readonly seq: number };

const cursorPattern = /^([A-Za-z0-9_-]{1,64})\.(0|[1-9][0-9]{0,15})$/;

/** A cursor string as it appears in the pull query. */
export const cursorStringSchema = z.string().regex(cursorPattern);

/** Why a string is not a cursor. */
export type CursorError = { readonly kind: 'malformed_cursor'; readonly input: string };

/** Parses `<epoch>.<seq>`; a malformed cursor is a value, not an exception. */
export function parseCursor(
  input: string,
): { ok: true; cursor: Cursor } | { ok: false; error: CursorError } {
  const match = cursorPattern.exec(input);
  const epoch = match?.[1];
  const seq = Number(match?.[2]);
  if (epoch === undefined || !Number.isSafeInteger(seq))
    return { ok: false, error: { kind: 'malformed_cursor', input } };
  return { ok: true, cursor: { epoch, seq } };
}

/** Formats a cursor; throws on an epoch or seq that could not be parsed back (a server bug). */
export function formatCursor(cursor: Cursor): string {
  const text = `${cursor.epoch}.${cursor.seq}`;
  if (!cursorPattern.test(text) || !Number.isSafeInteger(cursor.seq))
    throw new Error(`invalid cursor ${text}`);
  return text;
}
