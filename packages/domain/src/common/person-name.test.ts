import { describe, expect, it } from 'vitest';
import { PERSON_NAME_MAX, personNameSchema } from './person-name';

describe('personNameSchema', () => {
  it.each([
    "N'Dodjiga",
    'N’Diaye',
    'Ɲɛlɛ Kɔnɛ',
    'Ŋaarì',
    'Ɓuuɗi Ƴero',
    'Kouyaté-Diarra',
    'Aïssata',
  ])('accepts %s', (name) => {
    expect(personNameSchema.parse(name)).toBe(name);
  });
  it('trims and collapses spaces, normalises to NFC', () => {
    expect(personNameSchema.parse('  Fatoumata   Traoré ')).toBe('Fatoumata Traoré');
    expect(personNameSchema.parse('Traore\u0301')).toBe('Traoré');
  });
  it('refuses empty names and names longer than the limit', () => {
    expect(personNameSchema.safeParse('   ').success).toBe(false);
    expect(personNameSchema.safeParse('a'.repeat(PERSON_NAME_MAX)).success).toBe(true);
    expect(personNameSchema.safeParse('a'.repeat(PERSON_NAME_MAX + 1)).success).toBe(false);
  });
});
