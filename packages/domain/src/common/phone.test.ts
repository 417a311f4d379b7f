import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMaliPhone, maliPhoneSchema, normalizeMaliPhone } from './phone';

describe('normalizeMaliPhone', () => {
  it.each([
    ['76 12 34 56', '+22376123456'],
    ['76.12.34.56', '+22376123456'],
    ['76-12-34-56', '+22376123456'],
    ['+223 76 12 34 56', '+22376123456'],
    ['00223 76123456', '+22376123456'],
    ['223 76 12 34 56', '+22376123456'],
    ['20 22 16 15', '+22320221615'],
    ['44 12 34 56', '+22344123456'],
  ])('accepts %s', (input, expected) => {
    expect(normalizeMaliPhone(input)).toEqual({ ok: true, value: expected });
  });

  it('needs exactly 8 national digits: 7 and 9 are refused, 8 accepted', () => {
    expect(normalizeMaliPhone('7612345')).toMatchObject({
      ok: false,
      error: { kind: 'wrong_length' },
    });
    expect(normalizeMaliPhone('76123456').ok).toBe(true);
    expect(normalizeMaliPhone('761234567')).toMatchObject({
      ok: false,
      error: { kind: 'wrong_length' },
    });
    expect(normalizeMaliPhone('+223 7612345')).toMatchObject({
      ok: false,
      error: { kind: 'wrong_length' },
    });
  });

  it('refuses national numbers starting with 0, 1 or 3, and other country codes', () => {
    for (const first of ['0', '1', '3'])
      expect(normalizeMaliPhone(`${first}6123456`)).toMatchObject({
        ok: false,
        error: { kind: 'invalid_prefix' },
      });
    expect(normalizeMaliPhone('+221 76 12 34 56')).toMatchObject({
      ok: false,
      error: { kind: 'invalid_prefix' },
    });
    expect(normalizeMaliPhone('00221 76123456')).toMatchObject({
      ok: false,
      error: { kind: 'invalid_prefix' },
    });
  });

  it('refuses letters and empty input with French messages', () => {
    const letters = normalizeMaliPhone('76 12 AB 56');
    expect(letters).toMatchObject({ ok: false, error: { kind: 'invalid_characters' } });
    expect(normalizeMaliPhone('  ')).toMatchObject({
      ok: false,
      error: { kind: 'empty', message: 'Téléphone : numéro vide.' },
    });
  });

  const national = fc
    .tuple(
      fc.constantFrom('2', '4', '5', '6', '7', '8', '9'),
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 7, maxLength: 7 }),
    )
    .map(([d, rest]) => d + rest.join(''));
  const separator = fc.constantFrom('', ' ', '.', '-', '  ');
  const prefix = fc.constantFrom('', '+223', '00223', '+223 ', '00223 ', '223');

  it('property: any formatting of a valid number normalises to the same E.164', () => {
    fc.assert(
      fc.property(
        national,
        prefix,
        fc.array(separator, { minLength: 8, maxLength: 8 }),
        (n, pre, seps) => {
          const formatted =
            pre +
            Array.from(n)
              .map((d, i) => d + (seps[i] ?? ''))
              .join('');
          const result = normalizeMaliPhone(formatted);
          expect(result).toEqual({ ok: true, value: `+223${n}` });
          if (result.ok) expect(maliPhoneSchema.safeParse(result.value).success).toBe(true);
        },
      ),
    );
  });

  it('property: a digit string of the wrong length or with a bad first digit never passes', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,12}$/), (digits) => {
        const valid = /^[24-9]\d{7}$/.test(digits) || /^223[24-9]\d{7}$/.test(digits);
        expect(normalizeMaliPhone(digits).ok).toBe(valid);
      }),
    );
  });

  it('formats for display as pairs', () => {
    expect(formatMaliPhone('+22376123456')).toBe('76 12 34 56');
  });
});
