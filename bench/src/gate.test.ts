import { contentHash } from '@jigi/testkit';
import { describe, expect, it } from 'vitest';
import { checkGate } from './gate';

const records = [
  { id: 'a', name: 'Ɲɛlɛ' },
  { id: 'b', name: 'Sɛku' },
];
const expected = { count: 2, hash: contentHash(records) };

describe('checkGate', () => {
  it('passes when server and client hold exactly the generated set, in any order', () => {
    const g = checkGate(expected, {
      server: [records[1]!, records[0]!],
      client: records,
      pending: 0,
    });
    expect(g).toMatchObject({ ok: true, problems: [], duplicates: 0 });
  });

  it('fails on a duplicate, a lost record, altered content or a pending edit', () => {
    expect(
      checkGate(expected, { server: [...records, records[0]!], client: records, pending: 0 })
        .problems,
    ).toContain('1 duplicate ids on the server');
    expect(checkGate(expected, { server: [records[0]!], client: records, pending: 0 }).ok).toBe(
      false,
    );
    expect(
      checkGate(expected, {
        server: [records[0]!, { id: 'b', name: 'Seku' }],
        client: records,
        pending: 0,
      }).problems,
    ).toEqual(['server content hash differs from the generated set']);
    expect(checkGate(expected, { server: records, client: records, pending: 3 }).problems).toEqual([
      '3 local edits still pending',
    ]);
  });
});
