import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { searchKey } from './search-key';

describe('searchKey', () => {
  it.each([
    ['Ténenkou', 'tenenkou'],
    ["N'Dodjiga", 'ndodjiga'],
    ['N’Dodjiga', 'ndodjiga'],
    ['Ouro-Modi', 'ouro modi'],
    ['  Ouro   Modi ', 'ouro modi'],
    ['Ɲɛnɛ Kɔnɔ', 'nyene kono'],
    ['Ŋaarì', 'ngaari'],
    ['Ɓuuɗi Ƴiiya', 'buudi yiiya'],
    ['DIALLOUBÉ', 'dialloube'],
    ['Sœur', 'soeur'],
  ])('%s → %s', (input, key) => {
    expect(searchKey(input)).toBe(key);
  });

  const letters = fc.constantFrom(...Array.from("aeiouɛɔɲŋɓɗƴéèêàçïAEƐƆƝŊƁƊƳ- '’"));

  it('property: idempotent', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        expect(searchKey(searchKey(s))).toBe(searchKey(s));
      }),
    );
    fc.assert(
      fc.property(
        fc.array(letters).map((a) => a.join('')),
        (s) => {
          expect(searchKey(searchKey(s))).toBe(searchKey(s));
        },
      ),
    );
  });

  it('property: case and accent variants map to the same key', () => {
    const accents: Record<string, string[]> = {
      e: ['e', 'é', 'è', 'ê', 'ë', 'E', 'É', 'ɛ', 'Ɛ'],
      o: ['o', 'ô', 'O', 'Ô', 'ɔ', 'Ɔ'],
      a: ['a', 'à', 'â', 'A', 'À'],
      i: ['i', 'ï', 'î', 'I'],
      u: ['u', 'ù', 'û', 'U'],
    };
    const word = fc.array(fc.constantFrom('e', 'o', 'a', 'i', 'u', 'k', 'd', 'n'), {
      minLength: 1,
      maxLength: 12,
    });
    fc.assert(
      fc.property(word, fc.infiniteStream(fc.nat()), (chars, picks) => {
        const plain = chars.join('');
        const variant = chars
          .map((c) => {
            const opts = accents[c];
            return opts ? (opts[picks.next().value % opts.length] ?? c) : c.toUpperCase();
          })
          .join('');
        expect(searchKey(variant)).toBe(searchKey(plain));
      }),
    );
  });

  it('the key has no apostrophes, hyphens, capitals or double spaces', () => {
    fc.assert(
      fc.property(
        fc.array(letters).map((a) => a.join('')),
        (s) => {
          expect(searchKey(s)).not.toMatch(/['’\-A-Z]| {2}|^ | $/);
        },
      ),
    );
  });
});
