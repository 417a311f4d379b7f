import { isJsonObject, type Json, type JsonObject } from '@jigi/sync';

// Fields that point at another line of the same record by its id: shown as that line's number and
// name, never as a UUID.
const refLists: Readonly<Record<string, string>> = {
  respondentMemberId: 'members',
  motherMemberId: 'members',
  motherWomanId: 'women',
};

const text = (v: Json | undefined) => (typeof v === 'string' ? v : '');

/** `n° 1 — Amadou Guindo` for a reference field, `undefined` when the field is not one or the line is gone. */
export function childRef(
  data: JsonObject,
  field: string,
  value: Json | undefined,
): string | undefined {
  const list = refLists[field];
  if (list === undefined || typeof value !== 'string') return undefined;
  const lines = data[list];
  const line = Array.isArray(lines)
    ? lines.find((l): l is JsonObject => isJsonObject(l) && l['id'] === value)
    : undefined;
  if (line === undefined) return undefined;
  const name = text(line['name']) || `${text(line['firstName'])} ${text(line['lastName'])}`.trim();
  const no = line['memberNo'];
  return typeof no === 'number' ? `n° ${String(no)} — ${name}` : name;
}
