import { describe, expect, it } from 'vitest';
import { cleanRecord } from './clean-record';

describe('cleanRecord', () => {
  it('drops unanswered values and empty groups, keeps arrays, false and 0', () => {
    expect(
      cleanRecord({
        a: '',
        b: undefined,
        c: null,
        d: 0,
        e: false,
        f: { g: '', h: { i: undefined } },
        members: [],
        list: [{ id: 'x', n: '' }],
        n: Number.NaN,
      }),
    ).toEqual({ d: 0, e: false, members: [], list: [{ id: 'x' }] });
  });
});
