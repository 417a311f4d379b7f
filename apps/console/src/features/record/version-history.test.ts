import type { RecordVersion } from '@jigi/contract';
import { describe, expect, it } from 'vitest';
import { diffSnapshots, snapshotsOf } from './version-history';

const v = (version: number, op: string, changes: RecordVersion['changes']): RecordVersion => ({
  recordId: 'r1',
  version,
  mutationId: version,
  op,
  changes,
  actor: 'd1',
  userId: 'u1',
  deviceId: 'd1',
  deviceLabel: 'Tablette 1',
  serverTime: '2026-03-15T10:00:00.000Z',
  clientTime: null,
});

describe('version history', () => {
  const versions = [
    v(3, 'resolve', { 'members.m1.firstName': 'Hamadou' }),
    v(1, 'create', {
      id: 'r1',
      householdCode: 'A',
      members: [
        { id: 'm1', firstName: 'Amadou' },
        { id: 'm2', firstName: 'Awa' },
      ],
    }),
    v(2, 'patch', { householdCode: 'B', 'members.m2': null }),
    v(4, 'delete', null),
  ];

  it('rebuilds the record after each version, in version order, whatever order they come in', () => {
    const s = snapshotsOf(versions);
    expect(s.get(1)).toEqual({
      id: 'r1',
      householdCode: 'A',
      members: [
        { id: 'm1', firstName: 'Amadou' },
        { id: 'm2', firstName: 'Awa' },
      ],
    });
    expect(s.get(2)).toEqual({
      id: 'r1',
      householdCode: 'B',
      members: [{ id: 'm1', firstName: 'Amadou' }],
    });
    expect(s.get(3)).toEqual({
      id: 'r1',
      householdCode: 'B',
      members: [{ id: 'm1', firstName: 'Hamadou' }],
    });
    // A delete keeps the last content to compare against.
    expect(s.get(4)).toEqual(s.get(3));
  });

  it('diffs leaf by leaf: changed, removed (child line) and added fields, nothing equal', () => {
    const s = snapshotsOf(versions);
    expect(diffSnapshots(s.get(1) ?? {}, s.get(3) ?? {})).toEqual([
      { path: 'householdCode', before: 'A', after: 'B' },
      { path: 'members.m1.firstName', before: 'Amadou', after: 'Hamadou' },
      { path: 'members.m2.firstName', before: 'Awa', after: undefined },
    ]);
    expect(diffSnapshots({}, { a: 1 })).toEqual([{ path: 'a', before: undefined, after: 1 }]);
    expect(diffSnapshots(s.get(3) ?? {}, s.get(4) ?? {})).toEqual([]);
  });
});
