import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  MAX_DEVICE_SERIAL,
  RECEIPT_ALPHABET,
  formatReceiptNumber,
  normalizeReceiptNumber,
  parseReceiptNumber,
} from './receipt-number';

describe('receipt numbers given offline', () => {
  it('reads as YY-DDDD-NNNN-C and back', () => {
    const n = formatReceiptNumber({ year: 2026, deviceSerial: 647, counter: 42 });
    expect(n).toMatch(/^26-0\w{3}-0042-\w$/);
    expect(parseReceiptNumber(n)).toEqual({
      ok: true,
      number: n,
      parts: { year: 2026, deviceSerial: 647, counter: 42 },
    });
    // Typed in lower case with spaces, O for 0: still the same case.
    const spoken = n.toLowerCase().replace(/-/g, ' ').replace(/0/g, 'o');
    expect(parseReceiptNumber(spoken)).toMatchObject({ ok: true, number: n });
    expect(normalizeReceiptNumber(' 26-ilo ')).toBe('26110');
  });

  it('grows past 9999 instead of wrapping', () => {
    const n = formatReceiptNumber({ year: 2026, deviceSerial: 1, counter: 12_345 });
    expect(n).toContain('-12345-');
    expect(parseReceiptNumber(n)).toMatchObject({ ok: true, parts: { counter: 12_345 } });
  });

  it('refuses malformed input with a French message', () => {
    expect(parseReceiptNumber('26-00K7')).toMatchObject({
      ok: false,
      rule: 'complaints.receipt_format',
    });
    expect(() => formatReceiptNumber({ year: 2026, deviceSerial: -1, counter: 1 })).toThrow();
    expect(() =>
      formatReceiptNumber({ year: 2026, deviceSerial: MAX_DEVICE_SERIAL + 1, counter: 1 }),
    ).toThrow();
    expect(() => formatReceiptNumber({ year: 2026, deviceSerial: 3, counter: 0 })).toThrow();
  });

  // Many tablets, each with its own serial and its own growing counter, across two years.
  const tablets = fc.uniqueArray(fc.integer({ min: 0, max: MAX_DEVICE_SERIAL }), {
    minLength: 1,
    maxLength: 60,
  });

  it('numbers from many simulated tablets never collide', () => {
    fc.assert(
      fc.property(tablets, fc.integer({ min: 1, max: 40 }), (serials, perTablet) => {
        const seen = new Set<string>();
        for (const deviceSerial of serials)
          for (const year of [2026, 2027])
            for (let counter = 1; counter <= perTablet; counter++) {
              const n = normalizeReceiptNumber(
                formatReceiptNumber({ year, deviceSerial, counter }),
              );
              expect(seen.has(n)).toBe(false);
              seen.add(n);
            }
      }),
    );
  });

  it('a number with one character mistyped is refused, never read as another case', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_DEVICE_SERIAL }),
        fc.integer({ min: 1, max: 99_999 }),
        fc.nat(),
        fc.integer({ min: 1, max: RECEIPT_ALPHABET.length - 1 }),
        (deviceSerial, counter, position, shift) => {
          const clean = normalizeReceiptNumber(
            formatReceiptNumber({ year: 2026, deviceSerial, counter }),
          );
          const i = position % clean.length;
          const isDigitField = i < 2 || (i >= 6 && i < clean.length - 1);
          const alphabet = isDigitField ? '0123456789' : RECEIPT_ALPHABET;
          const at = alphabet.indexOf(clean[i]!);
          const typo = alphabet[(at + (shift % (alphabet.length - 1)) + 1) % alphabet.length]!;
          const mistyped = clean.slice(0, i) + typo + clean.slice(i + 1);
          expect(mistyped).not.toBe(clean);
          expect(parseReceiptNumber(mistyped).ok).toBe(false);
        },
      ),
    );
  });

  it('catches swaps of two neighbours in nearly every case', () => {
    let swaps = 0;
    let caught = 0;
    for (let serial = 0; serial < 2000; serial += 7) {
      const clean = normalizeReceiptNumber(
        formatReceiptNumber({ year: 2026, deviceSerial: serial * 331, counter: serial + 1 }),
      );
      for (let i = 0; i + 1 < clean.length; i++) {
        const [a, b] = [clean.charAt(i), clean.charAt(i + 1)];
        if (a === b) continue;
        const swapped = clean.slice(0, i) + b + a + clean.slice(i + 2);
        swaps++;
        if (!parseReceiptNumber(swapped).ok) caught++;
      }
    }
    expect(caught / swaps).toBeGreaterThan(0.97);
  });
});
