import { z } from 'zod';

/** Any JSON value (what `JSON.parse` can return). */
export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
/** A JSON object. */
export type JsonObject = { [key: string]: Json };

/** Schema of any JSON value; the body byte limit bounds its size. */
export const jsonSchema = z.json();
/** Schema of a JSON object (a record, reference data). */
export const jsonObjectSchema = z.record(z.string(), jsonSchema);

/** True for `{…}` values (not arrays, not null). */
export function isJsonObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Deep JSON equality: object key order does not matter, array order does. The merge uses it to
 * decide "equal values are no-ops" (docs/architecture.md §4).
 */
export function jsonEqual(a: Json | undefined, b: Json | undefined): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => jsonEqual(item, b[i]));
  }
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  return keys.every((key) => Object.hasOwn(b, key) && jsonEqual(a[key], b[key]));
}
