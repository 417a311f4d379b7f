import { normalizeMaliPhone, searchKey } from '@jigi/domain';
import type { Json, JsonObject } from '@jigi/sync';
import type { RecordRow } from '../../storage/rows';

/** Duplicate households are looked for among ciblage surveys: a household is one such record. */
export const householdRecordType = 'ciblage_household';

export type DuplicateCandidate = {
  villageId: string;
  headNameKey: string;
  reason: 'phone' | 'nina';
  recordIds: string[];
};

/**
 * Households surveyed twice: same village, same head name (searchKey: case, accents and national
 * letters folded) and the same phone or the same NINA. A supervisor decides; nothing is merged here.
 */
export function findDuplicateHouseholds(records: readonly RecordRow[]): DuplicateCandidate[] {
  const groups = new Map<
    string,
    { record: RecordRow; phone: string | null; nina: string | null }[]
  >();
  for (const record of records) {
    const head = headOf(record.data);
    if (head === null) continue;
    const key = `${record.villageId}\u0000${searchKey(head)}`;
    const list = groups.get(key) ?? [];
    list.push({ record, phone: phoneOf(record.data), nina: ninaOf(record.data) });
    groups.set(key, list);
  }
  const out: DuplicateCandidate[] = [];
  for (const [key, list] of groups) {
    if (list.length < 2) continue;
    const [villageId = '', headNameKey = ''] = key.split('\u0000');
    for (const reason of ['phone', 'nina'] as const) {
      const byValue = new Map<string, string[]>();
      for (const item of list) {
        const value = item[reason];
        if (value === null) continue;
        byValue.set(value, [...(byValue.get(value) ?? []), item.record.id]);
      }
      for (const ids of byValue.values())
        if (ids.length > 1) out.push({ villageId, headNameKey, reason, recordIds: ids.sort() });
    }
  }
  return out;
}

function str(value: Json | undefined): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

function headOf(data: JsonObject): string | null {
  const members = data['members'];
  if (!Array.isArray(members)) return null;
  const head = members.find(
    (m): m is JsonObject =>
      typeof m === 'object' && m !== null && !Array.isArray(m) && m['relationToHead'] === 'chef',
  );
  if (head === undefined) return null;
  const name = [str(head['firstName']), str(head['lastName'])].filter((x) => x !== null).join(' ');
  return name === '' ? null : name;
}

function phoneOf(data: JsonObject): string | null {
  const raw = str(data['headPhone']);
  if (raw === null) return null;
  const normalized = normalizeMaliPhone(raw);
  return normalized.ok ? normalized.value : raw;
}

function ninaOf(data: JsonObject): string | null {
  if (data['headIdType'] !== 'nina') return null;
  const raw = str(data['headIdNo']);
  return raw === null ? null : raw.replace(/\s+/g, '').toUpperCase();
}
