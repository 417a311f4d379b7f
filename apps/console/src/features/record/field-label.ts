import { fieldLabels } from '@jigi/domain';
import { isJsonObject, splitPath, type Json, type JsonObject } from '@jigi/sync';

/** The domain's French label of a field name, else the name itself. */
export function labelOf(name: string): string {
  return fieldLabels[name] ?? name;
}

/** How a child line is named in a path: roster number, name, or a short id. */
function childName(child: JsonObject): string {
  const no = child['memberNo'];
  if (typeof no === 'number') return `n° ${String(no)}`;
  for (const key of ['householdCode', 'name', 'firstName']) {
    const v = child[key];
    if (typeof v === 'string') return v;
  }
  const id = child['id'];
  return typeof id === 'string' ? id.slice(0, 8) : '?';
}

/**
 * `members.<id>.firstName` → `Liste des membres › n° 3 › Prénom`, naming children from the record
 * (the one the path was written in) so a supervisor reads which member changed.
 */
export function pathLabel(path: string, record: JsonObject | undefined): string {
  const parts: string[] = [];
  let node: Json | undefined = record;
  for (const segment of splitPath(path)) {
    if (Array.isArray(node)) {
      const list: Json[] = node;
      const child = list.find((c): c is JsonObject => isJsonObject(c) && c['id'] === segment);
      parts.push(child ? childName(child) : segment.slice(0, 8));
      node = child;
      continue;
    }
    parts.push(labelOf(segment));
    node = isJsonObject(node) ? node[segment] : undefined;
  }
  return parts.join(' › ');
}
