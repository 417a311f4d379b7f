import { describe, expect, it } from 'vitest';
import type { PnpChild, PnpWoman } from './pnp-enrolment';
import {
  buildPnpChild,
  buildPnpEnrolment,
  buildPnpWoman,
  sampleIds,
  sampleRuleContext,
  type Overrides,
} from '../../testing/sample-records';
import { validateRecord } from '../../rules/validate';

const ctx = sampleRuleContext();
// Visit date of the sample enrolment: 2026-03-13.
const child = (o: Overrides<PnpChild>) =>
  validateRecord(buildPnpEnrolment({ children: [buildPnpChild(o)] }), ctx);
const woman = (o: Overrides<PnpWoman>) =>
  validateRecord(buildPnpEnrolment({ women: [buildPnpWoman(o)] }), ctx);
const rules = (r: ReturnType<typeof validateRecord>) =>
  r.issues.map((i) => `${i.severity}:${i.rule}`);
const childPath = (field: string) => `children.${sampleIds.pnpChild}.${field}`;

describe('PNP household', () => {
  it('the beneficiary code is one of the village’s beneficiary households, or absent', () => {
    const enrolment = (householdCode: string | undefined, villageId?: string) =>
      buildPnpEnrolment({
        ...(villageId === undefined ? {} : { villageId }),
        household: { ...buildPnpEnrolment().household, householdCode },
      });
    expect(rules(validateRecord(enrolment('KOR-DIO-001-AK-0001'), ctx))).toEqual([]);
    expect(rules(validateRecord(enrolment(undefined), ctx))).toEqual([]);
    const typo = validateRecord(enrolment('KOR-DIO-001-AK-0010'), ctx);
    expect(rules(typo)).toEqual(['error:pnp.household_not_beneficiary']);
    expect(typo.issues[0]).toMatchObject({
      path: 'household.householdCode',
      message: expect.stringContaining('« KOR-DIO-001-AK-0010 » n’est pas sur la liste') as string,
    });
    // A code of another village's list is not this village's beneficiary.
    expect(rules(validateRecord(enrolment('KOR-DIO-001-AK-0001', 'village-other'), ctx))).toEqual([
      'error:pnp.household_not_beneficiary',
    ]);
    // Where the list is not known (a tablet still loading it), nothing is claimed.
    const unknownList = sampleRuleContext({ beneficiaryHouseholds: undefined });
    expect(rules(validateRecord(enrolment('KOR-DIO-001-AK-0010'), unknownList))).toEqual([]);
  });
});

describe('PNP child age (computed from dob at the visit)', () => {
  it('59 months is enrolled, 60 is refused naming the rule', () => {
    expect(child({ dob: '2021-03-14' }).ok).toBe(true); // 59 months on 2026-03-13
    const r = child({ dob: '2021-03-13' }); // 60 months
    expect(r.ok).toBe(false);
    expect(r.issues).toContainEqual({
      path: childPath('dob'),
      rule: 'pnp.child_age_max',
      severity: 'error',
      message:
        'Date de naissance (enfant Hawa Guindo) : 60 mois à la visite ; le PNP inscrit les enfants de 0 à 59 mois.',
    });
  });

  it('a birth after the visit is an error', () => {
    expect(rules(child({ dob: '2026-03-14', muacMm: undefined }))).toContain(
      'error:pnp.child_dob_after_visit',
    );
    expect(child({ dob: '2026-03-13', muacMm: undefined }).ok).toBe(true);
  });

  it('0–5 months: registered, MUAC must be absent; 6 months: MUAC measured', () => {
    expect(child({ dob: '2025-09-14', muacMm: undefined })).toMatchObject({ ok: true, issues: [] }); // 5 months
    expect(rules(child({ dob: '2025-09-14', muacMm: 130 }))).toEqual([
      'error:pnp.muac_under_6_months',
    ]);
    expect(child({ dob: '2025-09-13', muacMm: 130 })).toMatchObject({ ok: true, issues: [] }); // 6 months
    expect(rules(child({ dob: '2025-09-13', muacMm: undefined }))).toEqual([
      'warning:pnp.muac_missing',
    ]);
  });
});

describe('MUAC of a child', () => {
  it('physical range 70–250: 69 and 251 are errors, 70 and 250 are not', () => {
    expect(rules(child({ muacMm: 69, referredTo: 'urenas' }))).toEqual([
      'error:pnp.muac_physical_range',
    ]);
    expect(child({ muacMm: 70, referredTo: 'urenas' }).ok).toBe(true);
    expect(child({ muacMm: 250 }).ok).toBe(true);
    expect(rules(child({ muacMm: 251 }))).toEqual(['error:pnp.muac_physical_range']);
  });

  it('below 90 or above 200 asks for confirmation: 89 and 201 warn, 90 and 200 do not, the flag silences', () => {
    expect(rules(child({ muacMm: 89, referredTo: 'urenas' }))).toEqual([
      'warning:pnp.muac_to_confirm',
    ]);
    expect(rules(child({ muacMm: 90, referredTo: 'urenas' }))).toEqual([]);
    expect(rules(child({ muacMm: 200 }))).toEqual([]);
    expect(rules(child({ muacMm: 201 }))).toEqual(['warning:pnp.muac_to_confirm']);
    expect(rules(child({ muacMm: 201, muacConfirmed: true }))).toEqual([]);
    expect(child({ muacMm: 201 }).issues[0]?.path).toBe(childPath('muacMm'));
  });

  it('red (114) needs a referral, yellow (115) does not', () => {
    const red = child({ muacMm: 114 });
    expect(red.issues).toContainEqual({
      path: childPath('referredTo'),
      rule: 'pnp.referral_required',
      severity: 'error',
      message: 'Référé vers (enfant Hawa Guindo) : obligatoire en cas de PB rouge (< 115 mm).',
    });
    expect(child({ muacMm: 114, referredTo: 'urenas' }).ok).toBe(true);
    expect(child({ muacMm: 115 }).ok).toBe(true);
  });

  it('oedema always needs a referral, whatever the MUAC', () => {
    expect(rules(child({ muacMm: 140, oedema: true }))).toEqual(['error:pnp.referral_required']);
    expect(child({ muacMm: 140, oedema: true, referredTo: 'cscom' }).ok).toBe(true);
  });

  it('the red threshold comes from settings', () => {
    const strict = sampleRuleContext({
      settings: { ...ctx.settings, muac: { ...ctx.settings.muac, childRedBelowMm: 120 } },
    });
    expect(
      validateRecord(buildPnpEnrolment({ children: [buildPnpChild({ muacMm: 118 })] }), strict).ok,
    ).toBe(false);
  });
});

describe('PNP women', () => {
  it('age 12–55 (error outside), warning outside 15–49', () => {
    expect(rules(woman({ age: 11 }))).toEqual(['error:pnp.woman_age_range']);
    expect(rules(woman({ age: 12 }))).toEqual(['warning:pnp.woman_age_unusual']);
    expect(rules(woman({ age: 14 }))).toEqual(['warning:pnp.woman_age_unusual']);
    expect(rules(woman({ age: 15 }))).toEqual([]);
    expect(rules(woman({ age: 49 }))).toEqual([]);
    expect(rules(woman({ age: 50 }))).toEqual(['warning:pnp.woman_age_unusual']);
    expect(rules(woman({ age: 55 }))).toEqual(['warning:pnp.woman_age_unusual']);
    expect(rules(woman({ age: 56 }))).toEqual(['error:pnp.woman_age_range']);
  });

  it('MUAC below the settings threshold warns (229 vs 230)', () => {
    expect(rules(woman({ muacMm: 229 }))).toEqual(['warning:pnp.woman_muac_low']);
    expect(rules(woman({ muacMm: 230 }))).toEqual([]);
    expect(rules(woman({ muacMm: 119 }))).toEqual(['error:pnp.muac_physical_range']);
  });

  it('pregnancy months: expected when pregnant, refused when only breastfeeding', () => {
    expect(rules(woman({ pregnancyMonths: undefined }))).toEqual([
      'warning:pnp.pregnancy_months_missing',
    ]);
    expect(rules(woman({ status: 'allaitante' }))).toEqual([
      'error:pnp.pregnancy_months_not_pregnant',
    ]);
    expect(rules(woman({ status: 'allaitante', pregnancyMonths: undefined }))).toEqual([]);
  });
});

describe('PNP enrolment', () => {
  it('a child’s mother, when named, is one of the women enrolled', () => {
    expect(rules(validateRecord(buildPnpEnrolment({ women: [] }), ctx))).toEqual([
      'error:pnp.mother_not_enrolled',
    ]);
    expect(
      validateRecord(
        buildPnpEnrolment({ women: [], children: [buildPnpChild({ motherWomanId: undefined })] }),
        ctx,
      ).ok,
    ).toBe(true);
  });

  it('needs a child or a woman; the visit is today at the latest', () => {
    expect(rules(validateRecord(buildPnpEnrolment({ children: [], women: [] }), ctx))).toEqual([
      'error:pnp.enrolment_empty',
    ]);
    expect(
      validateRecord(
        buildPnpEnrolment({ women: [], children: [buildPnpChild({ motherWomanId: undefined })] }),
        ctx,
      ).ok,
    ).toBe(true);
    expect(rules(validateRecord(buildPnpEnrolment({ visitDate: '2026-03-16' }), ctx))).toContain(
      'error:pnp.visit_date_future',
    );
  });
});
