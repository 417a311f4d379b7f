import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { normalizeNina } from './nina';

describe('normalizeNina', () => {
  it('strips spaces and uppercases', () => {
    expect(normalizeNina(' 1234 5678 9012 34a ')).toEqual({ ok: true, value: '12345678901234A' });
  });

  it('needs 14 digits then one letter: 13 and 15 digits are refused', () => {
    expect(normalizeNina('1234567890123A').ok).toBe(false);
    expect(normalizeNina('12345678901234A').ok).toBe(true);
    expect(normalizeNina('123456789012345A').ok).toBe(false);
    expect(normalizeNina('12345678901234')).toMatchObject({
      ok: false,
      error: { kind: 'invalid_format' },
    });
    expect(normalizeNina('')).toMatchObject({ ok: false, error: { kind: 'empty' } });
  });

  const nina = fc.tuple(
    fc.stringMatching(/^\d{14}$/),
    fc.constantFrom(...Array.from('ABCDEFGHIJKLMNOPQRSTUVWXYZ')),
  );

  it('property: spacing and case variants of a valid NINA normalise to the same value', () => {
    fc.assert(
      fc.property(
        nina,
        fc.array(fc.constantFrom('', ' ', '  '), { minLength: 15, maxLength: 15 }),
        fc.boolean(),
        ([digits, letter], spaces, lower) => {
          const text = Array.from(digits + (lower ? letter.toLowerCase() : letter))
            .map((c, i) => c + (spaces[i] ?? ''))
            .join('');
          expect(normalizeNina(text)).toEqual({ ok: true, value: digits + letter });
        },
      ),
    );
  });

  it('property: a normalised NINA is a fixed point; anything not 14 digits + letter fails', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), (s) => {
        const r = normalizeNina(s);
        if (r.ok) {
          expect(r.value).toMatch(/^\d{14}[A-Z]$/);
          expect(normalizeNina(r.value)).toEqual(r);
        } else {
          expect(s.replace(/\s/g, '').toUpperCase()).not.toMatch(/^\d{14}[A-Z]$/);
        }
      }),
    );
  });
});
