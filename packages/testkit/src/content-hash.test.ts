import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json';
import { contentHash } from './content-hash';

const a = {
  id: 'a',
  members: [
    { id: 'm1', firstName: 'Fatoumata' },
    { id: 'm2', firstName: 'Ɲɛlɛ' },
  ],
  village: 'Koro',
};
const b = { id: 'b', members: [], village: 'Bankass' };

describe('contentHash', () => {
  it('ignores the order of records and of keys', () => {
    const bReordered = { village: 'Bankass', members: [], id: 'b' };
    expect(contentHash([a, b])).toBe(contentHash([bReordered, a]));
  });

  it('changes when a value, a record or a duplicate changes the set', () => {
    const base = contentHash([a, b]);
    expect(contentHash([a, { ...b, village: 'Bandiagara' }])).not.toBe(base);
    expect(contentHash([a])).not.toBe(base);
    expect(contentHash([a, b, b])).not.toBe(base);
  });

  it('keeps array order significant (a roster order is data)', () => {
    const swapped = { ...a, members: [a.members[1], a.members[0]] };
    expect(contentHash([swapped, b])).not.toBe(contentHash([a, b]));
  });

  it('treats an undefined property as absent, like JSON', () => {
    expect(canonicalJson({ x: 1, y: undefined })).toBe(canonicalJson({ x: 1 }));
  });

  it('hashes the empty set to a fixed value', () => {
    expect(contentHash([])).toBe(contentHash(new Set()));
    expect(contentHash([])).toMatch(/^[0-9a-f]{64}$/);
  });
});
