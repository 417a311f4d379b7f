import { describe, expect, it } from 'vitest';
import { halfWrites, type StoredState } from './stored-state';

// The half-write check must see what a transaction stopped half-way would leave, or the crash
// tests that rely on it prove nothing. Each case breaks one link of a consistent state.
const rec = 'a0000000-0000-4000-8000-000000000001';
const other = 'a0000000-0000-4000-8000-000000000002';

function consistent(): StoredState {
  return {
    backend: 'postgres',
    integrity: 'ok',
    records: [{ id: rec, type: 'ciblage_household', version: 2, deleted: false, data: {} }],
    versions: new Map([
      [
        rec,
        [
          { version: 1, deviceId: 'd1', mutationId: 1 },
          { version: 2, deviceId: 'd1', mutationId: 3 },
        ],
      ],
    ]),
    devices: new Map([
      [
        'd1',
        {
          last: 3,
          results: new Map([
            [1, { recordId: rec, outcome: 'applied', version: 1 }],
            [2, { recordId: rec, outcome: 'duplicate', version: 1 }],
            [3, { recordId: rec, outcome: 'merged', version: 2 }],
          ]),
        },
      ],
    ]),
    batches: 2,
  };
}

describe('halfWrites', () => {
  it('finds nothing in a consistent state', () => {
    expect(halfWrites(consistent())).toEqual([]);
  });

  it('a consumed id without its stored result', () => {
    const s = consistent();
    s.devices.get('d1')!.results.delete(2);
    expect(halfWrites(s)).toEqual(['d1#2: consumed without a stored result']);
  });

  it('a stored result beyond the last id (the last id not moved with it)', () => {
    const s = consistent();
    s.devices.get('d1')!.last = 2;
    expect(halfWrites(s)).toEqual([
      'd1#3: stored result beyond last id 2',
      `${rec} v2: written by d1#3, not consumed`,
    ]);
  });

  it('a version written without its stored result', () => {
    const s = consistent();
    s.records[0]!.version = 3;
    s.versions.get(rec)!.push({ version: 3, deviceId: 'd1', mutationId: 4 });
    expect(halfWrites(s)).toEqual([`${rec} v3: written by d1#4, not consumed`]);
  });

  it('an applied result whose version is missing from the history, or a gap in it', () => {
    const s = consistent();
    s.versions.set(rec, [{ version: 2, deviceId: 'd1', mutationId: 3 }]);
    expect(halfWrites(s)).toEqual([
      `${rec}: version 2, history [2]`,
      `d1#1: applied ${rec} v1 not in its history`,
    ]);
  });

  it('a version that a stored result attributes to another record', () => {
    const s = consistent();
    s.devices.get('d1')!.results.set(3, { recordId: other, outcome: 'merged', version: 2 });
    expect(halfWrites(s)).toEqual([
      `${rec} v2: d1#3 answered {"recordId":"${other}","outcome":"merged","version":2}`,
      `d1#3: merged ${other} v2 not in its history`,
    ]);
  });
});
