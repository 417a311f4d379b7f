import { describe, expect, it } from 'vitest';
import { ageInMonths, ageInYears, daysBetween, parseIsoDate } from './dates';

describe('ageInMonths', () => {
  it('counts completed months: the day before the monthiversary is one less', () => {
    expect(ageInMonths('2021-03-15', '2026-03-14')).toBe(59);
    expect(ageInMonths('2021-03-15', '2026-03-15')).toBe(60);
    expect(ageInMonths('2026-01-10', '2026-01-10')).toBe(0);
    expect(ageInMonths('2025-09-15', '2026-03-14')).toBe(5);
    expect(ageInMonths('2025-09-15', '2026-03-15')).toBe(6);
  });
  it('born on the 31st completes the month only on a day ≥ 31 (or the next month)', () => {
    expect(ageInMonths('2026-01-31', '2026-02-28')).toBe(0);
    expect(ageInMonths('2026-01-31', '2026-03-01')).toBe(1);
  });
  it('is negative when the birth is after the visit, undefined for invalid dates', () => {
    expect(ageInMonths('2026-03-16', '2026-03-15')).toBe(-1);
    expect(ageInMonths('2026-04-01', '2026-03-15')).toBe(-1);
    expect(ageInMonths('2026-05-20', '2026-03-15')).toBe(-2);
    expect(ageInMonths('2026-02-30', '2026-03-15')).toBeUndefined();
  });
});

describe('other date helpers', () => {
  it('ageInYears truncates completed years', () => {
    expect(ageInYears('2008-03-15', '2026-03-14')).toBe(17);
    expect(ageInYears('2008-03-15', '2026-03-15')).toBe(18);
  });
  it('daysBetween counts across months and leap years', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
    expect(daysBetween('2000-01-01', '2026-01-01')).toBe(9497);
  });
  it('parseIsoDate refuses impossible dates', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 });
    expect(parseIsoDate('1900-02-29')).toBeUndefined();
    expect(parseIsoDate('2026-13-01')).toBeUndefined();
  });
});
