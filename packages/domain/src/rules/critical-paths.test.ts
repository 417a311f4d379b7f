import { describe, expect, it } from 'vitest';
import { isCriticalPath } from './critical-paths';

const id = '3f2a0000-0000-4000-8000-000000000001';

describe('isCriticalPath', () => {
  it.each([
    ['ciblage_household', `members.${id}.relationToHead`],
    ['ciblage_household', `members.${id}.firstName`],
    ['ciblage_household', `members.${id}.sex`],
    ['ciblage_household', `members.${id}.dob`],
    ['ciblage_household', `members.${id}.ageYears`],
    ['ciblage_household', `members.${id}`],
    ['ciblage_household', 'consent.given'],
    ['ciblage_household', 'gps.lat'],
    ['ciblage_household', 'gps'],
    ['ciblage_household', 'villageId'],
    ['pnp_enrolment', `children.${id}.muacMm`],
    ['pnp_enrolment', `children.${id}.dob`],
    ['pnp_enrolment', `women.${id}.status`],
    ['ma_session', `attendance.${id}.status`],
    ['himo_attendance', `lines.${id}.status`],
    ['himo_payment', 'daysWorked'],
    ['himo_payment', 'override.amountFcfa'],
    ['himo_worker', 'active'],
  ] as const)('%s %s is critical', (type, path) => {
    expect(isCriticalPath(type, path)).toBe(true);
  });

  it.each([
    ['ciblage_household', `members.${id}.nickname`],
    ['ciblage_household', `members.${id}.mainActivity`],
    ['ciblage_household', 'dwelling.roof'],
    ['ciblage_household', 'livestock.goats'],
    ['ciblage_household', 'gpsx'],
    ['pnp_enrolment', `children.${id}.rationType`],
    ['ma_session', 'observations'],
    ['ma_session', `attendance.${id}.absenceReason`],
    ['himo_attendance', `lines.${id}.task`],
    ['himo_payment', 'txnRef'],
    ['himo_worker', 'phone'],
  ] as const)('%s %s is not critical', (type, path) => {
    expect(isCriticalPath(type, path)).toBe(false);
  });
});
