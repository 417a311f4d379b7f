import { isJsonObject, type Json, type JsonObject } from '../json';

/**
 * How a value takes part in field paths: objects recurse by key, `array`s (empty, or every item an
 * object with a unique non-empty string `id`) recurse by id, everything else is one leaf.
 */
export type NodeKind = 'object' | 'array' | 'leaf';

/** True for a non-empty array of objects with unique, non-empty string ids (a roster). */
export function isKeyedArray(value: Json | undefined): value is JsonObject[] {
  if (!Array.isArray(value) || value.length === 0) return false;
  const ids = new Set<string>();
  for (const item of value) {
    if (!isJsonObject(item)) return false;
    const id = item['id'];
    if (typeof id !== 'string' || id === '' || ids.has(id)) return false;
    ids.add(id);
  }
  return true;
}

/** The kind of `value` (see `NodeKind`). An empty array counts as a keyed array with no child. */
export function nodeKind(value: Json): NodeKind {
  if (isJsonObject(value)) return 'object';
  if (Array.isArray(value) && (value.length === 0 || isKeyedArray(value))) return 'array';
  return 'leaf';
}

/** The own property `key` of `object`, never an inherited one (`__proto__`, `constructor`). */
export function ownValue(object: JsonObject, key: string): Json | undefined {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

/** Sets an own property, even `__proto__`, without touching any prototype. */
export function setOwn(object: JsonObject, key: string, value: Json): void {
  Object.defineProperty(object, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

/** The child `id` of a keyed array. */
export function childById(array: readonly Json[], id: string): JsonObject | undefined {
  return array.find((item): item is JsonObject => isJsonObject(item) && item['id'] === id);
}

/** A deep copy (records are plain JSON; this keeps `__proto__` keys as own data). */
export function cloneJson<T extends Json>(value: T): T {
  if (Array.isArray(value)) return value.map((item) => cloneJson(item)) as T;
  if (!isJsonObject(value)) return value;
  const copy: JsonObject = {};
  for (const key of Object.keys(value)) setOwn(copy, key, cloneJson(value[key] as Json));
  return copy as T;
}

/** Where a path leads in a record. */
export type Located =
  | { readonly found: true; readonly value: Json }
  | { readonly found: false; readonly leaf?: { readonly depth: number; readonly value: Json } };

/**
 * The value at `segments` (raw keys and ids). When the walk meets a leaf before the end, `leaf` says
 * which value a write to this path would replace (its depth counts segments from the root).
 */
export function locate(root: JsonObject, segments: readonly string[]): Located {
  let node: Json = root;
  for (const [depth, segment] of segments.entries()) {
    const kind = nodeKind(node);
    if (kind === 'leaf') return { found: false, leaf: { depth, value: node } };
    const next: Json | undefined =
      kind === 'object'
        ? ownValue(node as JsonObject, segment)
        : childById(node as Json[], segment);
    if (next === undefined || next === null) return { found: false };
    node = next;
  }
  return { found: true, value: node };
}
