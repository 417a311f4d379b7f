import { isJsonObject, jsonEqual, type Json, type JsonObject } from '../json';
import { flattenInto, type JsonLeaf } from './flatten';
import { childPath } from './path';
import { nodeKind, ownValue } from './tree';

/**
 * The patch that turns `before` into `after` (what a tablet sends): changed leaves with their new
 * value, and `null` at the highest removed key or child (`members.<id>`), so that a removed member
 * and a concurrent edit of that member meet on overlapping paths. New children are appended on
 * apply: a pure reordering of existing children is not expressed.
 */
export function diffRecords(before: JsonObject, after: JsonObject): Record<string, Json> {
  const out: Record<string, Json> = {};
  diffObjects(before, after, '', out);
  return out;
}

function diffObjects(
  before: JsonObject,
  after: JsonObject,
  path: string,
  out: Record<string, Json>,
): void {
  for (const key of Object.keys(before)) {
    if (before[key] !== null && absent(ownValue(after, key))) put(out, childPath(path, key), null);
  }
  for (const key of Object.keys(after))
    diffNode(ownValue(before, key), after[key] as Json, childPath(path, key), out);
}

function diffNode(
  before: Json | undefined,
  after: Json,
  path: string,
  out: Record<string, Json>,
): void {
  if (after === null) return; // handled as a removal by the parent
  if (absent(before)) {
    addAll(after, path, out);
    return;
  }
  const kb = nodeKind(before);
  const ka = nodeKind(after);
  if (kb === 'object' && ka === 'object') {
    diffObjects(before as JsonObject, after as JsonObject, path, out);
  } else if (kb === 'array' && ka === 'array') {
    diffArrays(before as JsonObject[], after as JsonObject[], path, out);
  } else if (jsonEqual(before, after)) {
    return;
  } else if (ka === 'leaf' || isEmptyContainer(after)) {
    put(out, path, after);
  } else {
    // A container of another kind replaces `before`: remove it first (removals apply first).
    if (kb !== 'leaf') put(out, path, null);
    addAll(after, path, out);
  }
}

function diffArrays(
  before: JsonObject[],
  after: JsonObject[],
  path: string,
  out: Record<string, Json>,
): void {
  const afterIds = new Set(after.map((child) => child['id']));
  for (const child of before)
    if (!afterIds.has(child['id'])) put(out, childPath(path, child['id'] as string), null);
  const beforeById = new Map(before.map((child) => [child['id'], child]));
  for (const child of after)
    diffNode(beforeById.get(child['id']), child, childPath(path, child['id'] as string), out);
}

function addAll(value: Json, path: string, out: Record<string, Json>): void {
  const leaves: Record<string, JsonLeaf> = {};
  flattenInto(value, path, leaves);
  for (const key of Object.keys(leaves)) put(out, key, leaves[key] as Json);
}

function absent(value: Json | undefined): value is null | undefined {
  return value === undefined || value === null;
}

function isEmptyContainer(value: Json): boolean {
  return Array.isArray(value)
    ? value.length === 0
    : isJsonObject(value) && Object.keys(value).length === 0;
}

function put(out: Record<string, Json>, path: string, value: Json): void {
  Object.defineProperty(out, path, { value, enumerable: true, writable: true, configurable: true });
}
