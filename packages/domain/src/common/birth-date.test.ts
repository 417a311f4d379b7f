import { describe, expect, it } from 'vitest';
import { formatBirthDateFr, parseBirthDateFr } from './birth-date';

describe('approximate birth dates', () => {
  it('accepts a full date, a month and year, or a year alone, with the precision each implies', () => {
    expect(parseBirthDateFr('05/03/2019')).toEqual({
      ok: true,
      value: '2019-03-05',
      precision: 'exacte',
    });
    expect(parseBirthDateFr('3/2019')).toEqual({
      ok: true,
      value: '2019-03-15',
      precision: 'mois',
    });
    expect(parseBirthDateFr(' 2019 ')).toEqual({
      ok: true,
      value: '2019-07-01',
      precision: 'annee',
    });
  });

  it('refuses anything else, naming the formats accepted', () => {
    for (const text of ['13/2019', '31/02/2019', '19', '2019-03', 'mars 2019'])
      expect(parseBirthDateFr(text)).toEqual({
        ok: false,
        error: 'Date de naissance : format jj/mm/aaaa, mm/aaaa ou aaaa attendu.',
      });
  });

  it('shows a date as it was typed', () => {
    expect(formatBirthDateFr('2019-07-01', 'annee')).toBe('2019');
    expect(formatBirthDateFr('2019-03-15', 'mois')).toBe('03/2019');
    expect(formatBirthDateFr('2019-03-05', 'exacte')).toBe('05/03/2019');
    // A precision changed afterwards never hides a day that was typed.
    expect(formatBirthDateFr('2019-03-05', 'annee')).toBe('05/03/2019');
    expect(formatBirthDateFr('2019-07-01', undefined)).toBe('01/07/2019');
  });
});
