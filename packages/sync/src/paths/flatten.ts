import { isJsonObject, type Json, type JsonObject } from '../json';
import { childPath } from './path';
import { isKeyedArray } from './tree';

/**
 * A flattened value: never `null` at the top (null object properties mean "absent"), and an object
 * only when empty. Arrays are leaves unless keyed.
 */
export type JsonLeaf = string | number | boolean | Json[] | Record<string, never>;

/**
 * `{ path: leaf }` of a record (architecture §2). Object properties whose value is `null` are
 * omitted: on the wire `null` means "remove", so records never store null.
 */
export function flattenRecord(record: JsonObject): Record<string, JsonLeaf> {
  const out: Record<string, JsonLeaf> = {};
  for (const key of Object.keys(record)) flattenInto(record[key] as Json, childPath('', key), out);
  return out;
}

/** Adds the leaves of `value` at `path` to `out`. */
export function flattenInto(value: Json, path: string, out: Record<string, JsonLeaf>): void {
  if (value === null) return;
  if (isJsonObject(value)) {
    const keys = Object.keys(value).filter((key) => value[key] !== null);
    if (keys.length === 0) setLeaf(out, path, {});
    for (const key of keys) flattenInto(value[key] as Json, childPath(path, key), out);
  } else if (isKeyedArray(value)) {
    for (const child of value) flattenInto(child, childPath(path, child['id'] as string), out);
  } else {
    setLeaf(out, path, value);
  }
}

function setLeaf(out: Record<string, JsonLeaf>, path: string, value: JsonLeaf): void {
  Object.defineProperty(out, path, { value, enumerable: true, writable: true, configurable: true });
}
