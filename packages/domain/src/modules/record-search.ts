import type { AnyRecordData } from './module-descriptor';
import { recordTypeDescriptor } from './registry';

// How deep names are looked for: a household's roster line, a session's substitute attendee.
const MAX_DEPTH = 4;

function collect(value: unknown, keys: ReadonlySet<string>, out: string[], depth: number): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, keys, out, depth + 1);
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string' && keys.has(key)) out.push(v);
    else if (typeof v === 'object') collect(v, keys, out, depth + 1);
  }
}

/**
 * The names and codes a list finds a record by (its type's `search` fields, at any depth), in the
 * record's order, as typed: fold them with `searchKey` to compare. Nothing for an unknown type.
 */
export function recordSearchWords(record: AnyRecordData): string[] {
  const type = record['type'];
  const keys = typeof type === 'string' ? recordTypeDescriptor(type)?.search : undefined;
  if (!keys || keys.length === 0) return [];
  const out: string[] = [];
  collect(record, new Set(keys), out, 0);
  return out;
}
