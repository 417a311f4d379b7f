/**
 * Field path syntax (docs/architecture.md §2): segments joined by `.`. Object keys and child ids are
 * escaped the JSON-Pointer way (`~` → `~0`, `.` → `~1`) so that an id containing a dot cannot break
 * a path; camelCase keys and UUIDs are unchanged by the escape, so paths read as `members.<id>.sex`.
 */

/** Escapes one key or child id for use as a path segment. */
export function escapeSegment(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('.', '~1');
}

/** Inverse of `escapeSegment`. */
export function unescapeSegment(segment: string): string {
  return segment.replaceAll('~1', '.').replaceAll('~0', '~');
}

/** Joins an (already escaped) prefix and a raw key. `''` is the root. */
export function childPath(prefix: string, key: string): string {
  return prefix === '' ? escapeSegment(key) : `${prefix}.${escapeSegment(key)}`;
}

/** Splits a path into raw (unescaped) keys and ids. */
export function splitPath(path: string): string[] {
  return path.split('.').map(unescapeSegment);
}

/** Joins raw keys and ids into a path. */
export function joinPath(segments: readonly string[]): string {
  return segments.map(escapeSegment).join('.');
}

/** True when one path is the other or lies under it: a change to one touches the other. */
export function pathsOverlap(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}.`) || b.startsWith(`${a}.`);
}

/** True when `path` lies strictly under `ancestor`. */
export function isUnder(path: string, ancestor: string): boolean {
  return path.startsWith(`${ancestor}.`);
}
