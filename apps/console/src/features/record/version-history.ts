import type { RecordVersion } from '@jigi/contract';
import {
  applyChanges,
  flattenRecord,
  isJsonObject,
  jsonEqual,
  type Json,
  type JsonObject,
} from '@jigi/sync';

/**
 * The record as it stood after each version, rebuilt from the stored changes: a create carries the
 * whole record, a patch the paths that applied (null removes), a delete keeps the last content.
 * Versions are replayed in order; a missing early version leaves the later ones built from what is known.
 */
export function snapshotsOf(versions: readonly RecordVersion[]): Map<number, JsonObject> {
  const out = new Map<number, JsonObject>();
  let current: JsonObject = {};
  for (const v of [...versions].sort((a, b) => a.version - b.version)) {
    if (v.op === 'create' && isJsonObject(v.changes)) current = v.changes;
    else if (isJsonObject(v.changes)) current = applyChanges(current, v.changes);
    out.set(v.version, current);
  }
  return out;
}

export type DiffRow = { path: string; before: Json | undefined; after: Json | undefined };

/**
 * Leaf-by-leaf difference of two snapshots (added, removed and changed fields), in path order. A
 * child line's own `id` leaf is left out: an added or removed line shows through its other fields.
 */
export function diffSnapshots(before: JsonObject, after: JsonObject): DiffRow[] {
  const a = flattenRecord(before);
  const b = flattenRecord(after);
  const paths = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  const rows: DiffRow[] = [];
  for (const path of paths) {
    if (path.includes('.') && path.endsWith('.id')) continue;
    const x = a[path];
    const y = b[path];
    if (x !== undefined && y !== undefined && jsonEqual(x, y)) continue;
    rows.push({ path, before: x, after: y });
  }
  return rows;
}
