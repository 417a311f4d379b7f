/**
 * The form's values as a record: keys left `undefined`, empty strings and `null` from cleared inputs,
 * and groups left with nothing in them, are dropped (absent = not answered), recursively. Records travel as JSON, so this is also what the
 * server will see.
 */
export function cleanRecord<T>(value: T): T {
  return clean(value) as T;
}

function clean(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(clean);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || v === null || v === '' || (typeof v === 'number' && Number.isNaN(v)))
        continue;
      const c = clean(v);
      // A group with nothing answered (the six disability questions left blank) is not answered.
      if (c !== null && typeof c === 'object' && !Array.isArray(c) && Object.keys(c).length === 0)
        continue;
      out[k] = c;
    }
    return out;
  }
  return value;
}

/** A string field of a record, or '' (records are loosely typed while they are drafts). */
export function textOf(record: Record<string, unknown>, key: string): string {
  const v = record[key];
  return typeof v === 'string' ? v : '';
}
