import { describe, expect, it } from 'vitest';
import type { HouseholdMember } from './ciblage-household';
import {
  buildCiblageHousehold,
  buildMember,
  sampleIds,
  sampleRuleContext,
  type Overrides,
} from '../../testing/sample-records';
import { isFailedVisit } from './ciblage-module';
import { householdSize } from './ciblage-roster-rules';
import { validateRecord } from '../../rules/validate';

const ctx = sampleRuleContext();
const head = (o: Overrides<HouseholdMember>) =>
  buildMember({
    id: sampleIds.head,
    memberNo: 1,
    firstName: 'Amadou',
    lastName: 'Guindo',
    sex: 'M',
    relationToHead: 'chef',
    ageYears: 45,
    pregnant: undefined,
    ...o,
  });
const withMembers = (...members: HouseholdMember[]) => buildCiblageHousehold({ members });
const find = (r: ReturnType<typeof validateRecord>, rule: string) =>
  r.issues.filter((i) => i.rule === rule);

describe('head of household', () => {
  it('needs exactly one head; several spouses are fine', () => {
    const twoSpouses = withMembers(
      head({}),
      buildMember(),
      buildMember({ id: sampleIds.child, memberNo: 3, firstName: 'Kadia' }),
    );
    expect(validateRecord({ ...twoSpouses, respondentMemberId: sampleIds.head }, ctx).ok).toBe(
      true,
    );
    const noHead = withMembers(buildMember({ id: sampleIds.head, memberNo: 1 }), buildMember());
    expect(find(validateRecord(noHead, ctx), 'ciblage.head_count')[0]).toMatchObject({
      path: 'members',
      severity: 'error',
      message: 'Chef de ménage : il en faut exactement un (0 saisis).',
    });
    const twoHeads = withMembers(head({}), buildMember({ relationToHead: 'chef' }));
    expect(find(validateRecord(twoHeads, ctx), 'ciblage.head_count')).toHaveLength(1);
  });

  it('head age: 11 is an error, 12 a warning, 17 a warning, 18 nothing', () => {
    const at = (age: number) =>
      validateRecord(
        {
          ...withMembers(head({ ageYears: age }), buildMember({ ageYears: 30 })),
          respondentMemberId: sampleIds.spouse,
        },
        ctx,
      );
    const r11 = at(11);
    expect(find(r11, 'ciblage.head_age_min')[0]).toEqual({
      path: `members.${sampleIds.head}.ageYears`,
      rule: 'ciblage.head_age_min',
      severity: 'error',
      message: 'Âge du chef de ménage : doit être d’au moins 12 ans (âge saisi : 11 ans).',
    });
    expect(r11.ok).toBe(false);
    expect(find(at(12), 'ciblage.head_age_min')).toEqual([]);
    expect(find(at(12), 'ciblage.head_age_minor')).toHaveLength(1);
    expect(at(12).ok).toBe(true);
    expect(find(at(17), 'ciblage.head_age_minor')[0]?.severity).toBe('warning');
    expect(find(at(18), 'ciblage.head_age_minor')).toEqual([]);
  });

  it('head age from a date of birth is computed at the interview date', () => {
    // interview 2026-03-14: born 2014-03-14 is 12, born 2014-03-15 is still 11
    const r = (dob: string) =>
      validateRecord(
        withMembers(head({ ageYears: undefined, dob, dobPrecision: 'exacte' }), buildMember()),
        ctx,
      );
    expect(find(r('2014-03-15'), 'ciblage.head_age_min')[0]?.path).toBe(
      `members.${sampleIds.head}.dob`,
    );
    expect(find(r('2014-03-14'), 'ciblage.head_age_min')).toEqual([]);
  });
});

describe('roster', () => {
  it('household size is the number of roster lines', () => {
    expect(householdSize(buildCiblageHousehold())).toBe(3);
    expect(householdSize({ members: [] })).toBe(0);
    expect(householdSize({})).toBe(0);
  });

  it('a member needs a date of birth or an age; a date needs its precision', () => {
    const r = validateRecord(withMembers(head({}), buildMember({ ageYears: undefined })), ctx);
    expect(find(r, 'ciblage.member_age_required')[0]?.path).toBe(
      `members.${sampleIds.spouse}.ageYears`,
    );
    const noPrecision = validateRecord(
      withMembers(head({}), buildMember({ ageYears: undefined, dob: '1990-01-01' })),
      ctx,
    );
    expect(find(noPrecision, 'ciblage.dob_precision_required')).toHaveLength(1);
  });

  it('a date of birth after the interview is an error', () => {
    const r = (dob: string) =>
      find(
        validateRecord(
          withMembers(head({}), buildMember({ ageYears: undefined, dob, dobPrecision: 'exacte' })),
          ctx,
        ),
        'ciblage.dob_after_interview',
      );
    expect(r('2026-03-15')).toHaveLength(1);
    expect(r('2026-03-14')).toEqual([]);
  });

  it('member numbers are unique', () => {
    const r = validateRecord(withMembers(head({}), buildMember({ memberNo: 1 })), ctx);
    expect(find(r, 'ciblage.member_no_duplicate')).toHaveLength(1);
  });

  it('mother at least 12 years older than her child: 11 years warns, 12 does not', () => {
    const child = (age: number) =>
      buildMember({
        id: sampleIds.child,
        memberNo: 3,
        relationToHead: 'enfant',
        motherMemberId: sampleIds.spouse,
        ageYears: age,
      });
    const gap = (childAge: number) =>
      find(
        validateRecord(withMembers(head({}), buildMember({ ageYears: 30 }), child(childAge)), ctx),
        'ciblage.mother_child_age_gap',
      );
    expect(gap(19)[0]).toMatchObject({
      severity: 'warning',
      path: `members.${sampleIds.child}.ageYears`,
    });
    expect(gap(18)).toEqual([]);
  });

  it('a female head is taken as the mother of the head’s children when none is named', () => {
    const femaleHead = head({ sex: 'F', ageYears: 25 });
    const child = buildMember({
      id: sampleIds.child,
      memberNo: 2,
      relationToHead: 'enfant',
      ageYears: 15,
      maritalStatus: 'celibataire',
    });
    expect(
      find(validateRecord(withMembers(femaleHead, child), ctx), 'ciblage.mother_child_age_gap'),
    ).toHaveLength(1);
  });

  it('a male spouse of a male head warns; married under 15 warns; long absence warns', () => {
    const r = validateRecord(
      withMembers(head({}), buildMember({ sex: 'M', ageYears: 14, absentMonths12m: 7 })),
      ctx,
    );
    expect(find(r, 'ciblage.spouse_sex')[0]?.severity).toBe('warning');
    expect(find(r, 'ciblage.married_under_15')[0]?.severity).toBe('warning');
    expect(find(r, 'ciblage.member_absent_too_long')[0]?.severity).toBe('warning');
    const six = validateRecord(
      withMembers(head({}), buildMember({ absentMonths12m: 6, ageYears: 15 })),
      ctx,
    );
    expect(find(six, 'ciblage.member_absent_too_long')).toEqual([]);
    expect(find(six, 'ciblage.married_under_15')).toEqual([]);
  });

  it('pregnant only for a woman of 12–50', () => {
    const preg = (o: Overrides<HouseholdMember>) =>
      find(
        validateRecord(withMembers(head({}), buildMember({ pregnant: true, ...o })), ctx),
        'ciblage.pregnancy_implausible',
      );
    expect(preg({ ageYears: 50 })).toEqual([]);
    expect(preg({ ageYears: 51 })).toHaveLength(1);
    expect(preg({ ageYears: 11 })).toHaveLength(1);
    expect(preg({ sex: 'M' })).toHaveLength(1);
    expect(preg({ sex: 'M', pregnant: false })).toHaveLength(1);
  });

  it('a young child has no marital status, education or activity: an answer is an error naming the field', () => {
    const child = (o: Overrides<HouseholdMember>) =>
      validateRecord(
        withMembers(head({}), buildMember({ relationToHead: 'enfant', ageYears: 4, ...o })),
        ctx,
      ).issues.filter((i) => i.rule === 'ciblage.question_not_applicable');
    expect(
      child({
        maritalStatus: 'celibataire',
        attendsSchool: 'non',
        highestLevel: 'aucun',
        mainActivity: 'eleve',
      }).map((i) => i.path.split('.').pop()),
    ).toEqual(['maritalStatus', 'attendsSchool', 'highestLevel', 'mainActivity']);
    expect(child({ maritalStatus: 'celibataire' })[0]).toMatchObject({
      severity: 'error',
      message:
        'Situation matrimoniale (membre n°2) : question posée seulement à partir de 12 ans (4 ans).',
    });
    expect(child({ ageYears: 12, maritalStatus: 'celibataire', mainActivity: 'eleve' })).toEqual(
      [],
    );
    expect(child({ ageYears: 25, attendsSchool: 'non' })).toHaveLength(1);
  });
});

describe('respondent', () => {
  it('must be on the roster and at least 15: 14 is an error, 15 is fine', () => {
    const teen = (age: number) =>
      buildMember({
        id: sampleIds.child,
        memberNo: 3,
        relationToHead: 'enfant',
        ageYears: age,
        maritalStatus: 'celibataire',
      });
    const r = (age: number) =>
      validateRecord(
        { ...withMembers(head({}), buildMember(), teen(age)), respondentMemberId: sampleIds.child },
        ctx,
      );
    expect(find(r(14), 'ciblage.respondent_min_age')[0]).toMatchObject({
      severity: 'error',
      path: 'respondentMemberId',
    });
    expect(r(15).ok).toBe(true);
    const stranger = validateRecord(
      { ...buildCiblageHousehold(), respondentMemberId: '00000000-0000-4000-8000-00000000ffff' },
      ctx,
    );
    expect(find(stranger, 'ciblage.respondent_not_member')).toHaveLength(1);
  });
});

describe('interview', () => {
  it('the interview date is today at the latest', () => {
    expect(
      find(
        validateRecord(buildCiblageHousehold({ interviewDate: '2026-03-15' }), ctx),
        'ciblage.interview_date_future',
      ),
    ).toEqual([]);
    expect(
      find(
        validateRecord(buildCiblageHousehold({ interviewDate: '2026-03-16' }), ctx),
        'ciblage.interview_date_future',
      ),
    ).toHaveLength(1);
  });

  it('outside the campaign window is a warning; the window comes from settings', () => {
    const campaign = sampleRuleContext({
      settings: { ...ctx.settings, campaign: { start: '2026-03-14', end: '2026-04-30' } },
    });
    expect(
      find(
        validateRecord(buildCiblageHousehold({ interviewDate: '2026-03-14' }), campaign),
        'ciblage.interview_outside_campaign',
      ),
    ).toEqual([]);
    expect(
      find(
        validateRecord(buildCiblageHousehold({ interviewDate: '2026-03-13' }), campaign),
        'ciblage.interview_outside_campaign',
      )[0]?.severity,
    ).toBe('warning');
  });

  it('a completed interview needs consent, the sections and a GPS point or a reason', () => {
    const r = validateRecord(
      buildCiblageHousehold({ consent: { given: false }, dwelling: undefined, gps: undefined }),
      ctx,
    );
    expect(find(r, 'ciblage.consent_required')[0]?.path).toBe('consent.given');
    expect(find(r, 'ciblage.section_required')[0]?.path).toBe('dwelling');
    expect(find(r, 'ciblage.gps_or_reason')).toHaveLength(1);
    expect(
      find(
        validateRecord(
          buildCiblageHousehold({ gps: undefined, gpsUnavailableReason: 'refus' }),
          ctx,
        ),
        'ciblage.gps_or_reason',
      ),
    ).toEqual([]);
  });

  it('a failed visit is its outcome alone: no consent, no roster, no section; a refusal cannot carry consent', () => {
    const refusal = buildCiblageHousehold({
      result: 'refus',
      consent: undefined,
      members: [],
      respondentMemberId: undefined,
      dwelling: undefined,
      assets: undefined,
      livestock: undefined,
      land: undefined,
      foodSecurity: undefined,
      gps: undefined,
      headIdType: undefined,
      headIdNo: undefined,
    });
    expect(validateRecord(refusal, ctx)).toMatchObject({ ok: true, issues: [] });
    expect(
      find(
        validateRecord({ ...refusal, consent: { given: true } }, ctx),
        'ciblage.refusal_with_consent',
      ),
    ).toHaveLength(1);
    for (const result of ['absent', 'demenage', 'logement_vide', 'menage_introuvable'] as const)
      expect(validateRecord({ ...refusal, result }, ctx)).toMatchObject({ ok: true, issues: [] });
    expect(isFailedVisit(refusal)).toBe(true);
    expect(isFailedVisit(buildCiblageHousehold())).toBe(false);
    expect(isFailedVisit({})).toBe(false);
  });

  it('livestock: 500 is fine, 501 asks for confirmation unless confirmed', () => {
    const base = buildCiblageHousehold().livestock;
    if (!base) throw new Error('sample has livestock');
    const goats = (n: number, confirmed?: boolean) =>
      find(
        validateRecord(
          buildCiblageHousehold({
            livestock: { ...base, goats: n },
            livestockConfirmed: confirmed,
          }),
          ctx,
        ),
        'ciblage.livestock_to_confirm',
      );
    expect(goats(500)).toEqual([]);
    expect(goats(501)[0]).toMatchObject({ path: 'livestock.goats', severity: 'warning' });
    expect(goats(501, true)).toEqual([]);
  });

  it('head ID: a number is needed with a type, a NINA must have the NINA format, none with « aucune »', () => {
    expect(
      find(
        validateRecord(buildCiblageHousehold({ headIdNo: undefined }), ctx),
        'ciblage.head_id_no_required',
      ),
    ).toHaveLength(1);
    expect(
      find(
        validateRecord(buildCiblageHousehold({ headIdNo: '1234567890123A' }), ctx),
        'ciblage.head_nina_format',
      ),
    ).toHaveLength(1);
    expect(
      find(
        validateRecord(buildCiblageHousehold({ headIdType: 'aucune' }), ctx),
        'ciblage.head_id_no_without_type',
      ),
    ).toHaveLength(1);
    expect(
      validateRecord(
        buildCiblageHousehold({ headIdType: 'carte_electeur', headIdNo: 'CE-889' }),
        ctx,
      ).ok,
    ).toBe(true);
  });
});
