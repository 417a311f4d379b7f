/**
 * JSON with object keys sorted at every depth, so that two equal records serialise to the same
 * bytes whatever order their keys were built or stored in (PouchDB, SQLite JSON and Dexie each
 * return keys in their own order). Array order is kept: it carries meaning (roster order).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(obj).sort()) {
      // Same rule as JSON.stringify: an undefined property is absent, not null.
      if (obj[key] !== undefined) out[key] = sortKeys(obj[key]);
    }
    return out;
  }
  return value;
}
