import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatDateFr, formatFcfa, parseDateFr, parseFcfa } from './format';

describe('formatFcfa', () => {
  it('groups thousands with a regular space', () => {
    expect(formatFcfa(15000)).toBe('15 000 FCFA');
    expect(formatFcfa(540000)).toBe('540 000 FCFA');
    expect(formatFcfa(999)).toBe('999 FCFA');
    expect(formatFcfa(1000)).toBe('1 000 FCFA');
    expect(formatFcfa(0)).toBe('0 FCFA');
    expect(formatFcfa(-2500)).toBe('-2 500 FCFA');
  });
  it('throws on a non-integer (a bug: FCFA have no decimals)', () => {
    expect(() => formatFcfa(1.5)).toThrow(RangeError);
  });
});

describe('parseFcfa', () => {
  it.each([
    '15000',
    '15 000',
    '15.000',
    '15000 F',
    '15 000 FCFA',
    '15.000 F CFA',
    '15\u202f000\u00a0FCFA',
    ' 15000 xof ',
  ])('reads %s as 15000', (text) => {
    expect(parseFcfa(text)).toEqual({ ok: true, value: 15000 });
  });
  it.each(['', 'FCFA', '15,000', '15,5', '15.00', '1.5', 'abc', '15 000 €'])(
    'refuses %s',
    (text) => {
      expect(parseFcfa(text).ok).toBe(false);
    },
  );
  it('property: parse(format(n)) = n', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), (n) => {
        expect(parseFcfa(formatFcfa(n))).toEqual({ ok: true, value: n });
      }),
    );
  });
});

describe('dates in French', () => {
  it('formats ISO dates as dd/mm/yyyy', () => {
    expect(formatDateFr('2026-03-05')).toBe('05/03/2026');
    expect(formatDateFr('2026-03-05T10:00:00Z')).toBe('05/03/2026');
    expect(formatDateFr('not a date')).toBe('not a date');
  });
  it('parses dd/mm/yyyy and refuses impossible dates', () => {
    expect(parseDateFr('5/3/2026')).toEqual({ ok: true, value: '2026-03-05' });
    expect(parseDateFr('29/02/2024')).toEqual({ ok: true, value: '2024-02-29' });
    expect(parseDateFr('29/02/2026').ok).toBe(false);
    expect(parseDateFr('2026-03-05').ok).toBe(false);
  });
});
