import { describe, expect, it } from 'vitest';
import { formatValue } from './value-labels';

const yesNo = { yes: 'Oui', no: 'Non' };

describe('formatValue', () => {
  it('uses the domain’s option labels, by record type where a name is shared', () => {
    expect(formatValue('ciblage_household', 'members.x.relationToHead', 'chef', yesNo)).toBe(
      'Chef de ménage',
    );
    expect(formatValue('ciblage_household', 'members.x.sex', 'F', yesNo)).toBe('Féminin');
    expect(formatValue('ma_session', 'attendance.x.status', 'excused', yesNo)).toBe('Excusé');
    expect(formatValue('himo_attendance', 'lines.x.status', 'half_day', yesNo)).toBe(
      'Demi-journée',
    );
    expect(
      formatValue('ciblage_household', 'foodSecurity.shocks12m', ['secheresse', 'inconnu'], yesNo),
    ).toMatch(/, inconnu$/);
  });
  it('formats dates, instants, FCFA, decimals and booleans the fr-ML way', () => {
    expect(formatValue('x', 'interviewDate', '2026-03-14', yesNo)).toBe('14/03/2026');
    expect(formatValue('x', 'capturedAt', '2026-03-15T09:30:00.000Z', yesNo)).toBe(
      '15/03/2026 09:30',
    );
    expect(formatValue('himo_payment', 'amountFcfa', 15000, yesNo)).toBe('15 000 FCFA');
    expect(formatValue('x', 'land.areaHa', 1.5, yesNo)).toBe('1,5');
    expect(formatValue('x', 'consent.given', false, yesNo)).toBe('Non');
    expect(formatValue('x', 'a', undefined, yesNo)).toBe('');
  });
  it('returns captured text unchanged (React renders it as text)', () => {
    expect(formatValue('x', 'name', '<img src=x onerror=alert(1)>', yesNo)).toBe(
      '<img src=x onerror=alert(1)>',
    );
  });
});
