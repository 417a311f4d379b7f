import { isJsonObject, type Json, type JsonObject } from '../json';
import { splitPath } from './path';
import { childById, cloneJson, nodeKind, ownValue, setOwn } from './tree';

type Change = { readonly segments: readonly string[]; readonly value: Json };

/**
 * The record after a patch (a new object; the input is not touched). Removals (`null`) go first, so a
 * patch can replace a container by one of another kind; then values are set in the patch's order,
 * which is the order new children are appended in. Setting under a missing or leaf node creates the
 * container: a keyed array when every child it gets has `<child>.id` equal to its id in the patch,
 * else an object. A new child of an existing keyed array always gets its `id`.
 */
export function applyChanges(
  record: JsonObject,
  changes: Readonly<Record<string, Json>>,
): JsonObject {
  const root = cloneJson(record);
  const parsed: Change[] = Object.keys(changes).map((path) => ({
    segments: splitPath(path),
    value: changes[path] as Json,
  }));
  for (const change of parsed) if (change.value === null) removeAt(root, change.segments);
  const sets = parsed.filter((change) => change.value !== null);
  for (const change of sets) setAt(root, change.segments, change.value, sets);
  return root;
}

/** Rebuilds a record from `flattenRecord`'s output. */
export function unflattenRecord(flat: Readonly<Record<string, Json>>): JsonObject {
  return applyChanges({}, flat);
}

function removeAt(root: JsonObject, segments: readonly string[]): void {
  const parent = walk(root, segments.slice(0, -1));
  const last = segments.at(-1);
  if (parent === undefined || last === undefined) return;
  if (Array.isArray(parent)) {
    const index = parent.findIndex((item) => isJsonObject(item) && item['id'] === last);
    if (index >= 0) parent.splice(index, 1);
  } else if (Object.hasOwn(parent, last)) {
    Reflect.deleteProperty(parent, last);
  }
}

/** The container at `segments`, or undefined when the path is missing or blocked by a leaf. */
function walk(root: JsonObject, segments: readonly string[]): JsonObject | Json[] | undefined {
  let node: JsonObject | Json[] = root;
  for (const segment of segments) {
    const next: Json | undefined = Array.isArray(node)
      ? childById(node, segment)
      : ownValue(node, segment);
    if (next === undefined || next === null || nodeKind(next) === 'leaf') return undefined;
    node = next as JsonObject | Json[];
  }
  return node;
}

function setAt(
  root: JsonObject,
  segments: readonly string[],
  value: Json,
  sets: readonly Change[],
): void {
  let node: JsonObject | Json[] = root;
  for (const [depth, segment] of segments.entries()) {
    const isLast = depth === segments.length - 1;
    if (Array.isArray(node)) {
      const index = node.findIndex((item) => isJsonObject(item) && item['id'] === segment);
      if (isLast) {
        // A child replaced whole keeps its id, so the array stays keyed.
        const child = isJsonObject(value) ? { ...cloneJson(value), id: segment } : cloneJson(value);
        if (index >= 0) node[index] = child;
        else node.push(child);
        return;
      }
      if (index < 0) node.push({ id: segment });
      node = node[index < 0 ? node.length - 1 : index] as JsonObject;
      continue;
    }
    if (isLast) {
      setOwn(node, segment, cloneJson(value));
      return;
    }
    const next = ownValue(node, segment);
    if (next === undefined || next === null || nodeKind(next) === 'leaf') {
      const created = inferContainer(segments.slice(0, depth + 1), sets);
      setOwn(node, segment, created);
      node = created;
    } else {
      node = next as JsonObject | Json[];
    }
  }
}

/** `[]` when every child set under `prefix` names itself by `<id>.id`, else `{}`. */
function inferContainer(prefix: readonly string[], sets: readonly Change[]): JsonObject | Json[] {
  const children = new Set<string>();
  const selfNamed = new Set<string>();
  for (const { segments, value } of sets) {
    if (segments.length <= prefix.length || !prefix.every((segment, i) => segments[i] === segment))
      continue;
    const child = segments[prefix.length] as string;
    children.add(child);
    if (
      segments.length === prefix.length + 2 &&
      segments[prefix.length + 1] === 'id' &&
      value === child
    )
      selfNamed.add(child);
  }
  return children.size > 0 && [...children].every((child) => selfNamed.has(child)) ? [] : {};
}
