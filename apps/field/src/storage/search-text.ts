import { searchKey } from '@jigi/domain';

// The words a list is searched by, folded once when a row is written so that typing in the search box
// compares plain strings (accent-, case- and apostrophe-insensitive).
const NAME_KEYS = new Set([
  'firstName',
  'lastName',
  'nickname',
  'name',
  'householdCode',
  'headName',
  'place',
  'titulaireName',
]);

function collect(value: unknown, out: string[], depth: number): void {
  if (depth > 4 || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, out, depth + 1);
    return;
  }
  for (const [key, v] of Object.entries(value)) {
    if (typeof v === 'string' && NAME_KEYS.has(key)) out.push(v);
    else if (typeof v === 'object') collect(v, out, depth + 1);
  }
}

/** Folded, space-separated names and codes found in a record (or a draft of one). */
export function searchTextOf(record: Record<string, unknown>): string {
  const words: string[] = [];
  collect(record, words, 0);
  return searchKey(words.join(' '));
}
