import { describe, expect, it } from 'vitest';
import type { MaAttendanceLine } from './ma-session';
import {
  buildMaAttendanceLine,
  buildMaSession,
  sampleIds,
  sampleRuleContext,
  type Overrides,
} from '../../testing/sample-records';
import { validateRecord } from '../../rules/validate';
import { buildBeneficiaryHousehold } from '../../testing/sample-reference';
import { titulaireMember } from './ma-rules';

const ctx = sampleRuleContext();
const rules = (r: ReturnType<typeof validateRecord>) =>
  r.issues.map((i) => `${i.severity}:${i.rule}`);
const line = (o: Overrides<MaAttendanceLine>) =>
  validateRecord(buildMaSession({ attendance: [buildMaAttendanceLine(o)] }), ctx);

describe('MA session', () => {
  it('date is today at the latest', () => {
    expect(validateRecord(buildMaSession({ date: '2026-03-15' }), ctx).ok).toBe(true);
    expect(rules(validateRecord(buildMaSession({ date: '2026-03-16' }), ctx))).toEqual([
      'error:ma.date_future',
    ]);
  });

  it('themes must be codes of the settings list', () => {
    const r = validateRecord(buildMaSession({ themes: ['paludisme', 'astrologie'] }), ctx);
    expect(r.issues).toEqual([
      {
        path: 'themes',
        rule: 'ma.theme_unknown',
        severity: 'error',
        message: 'Thèmes : « astrologie » n’est pas dans la liste des thèmes du programme.',
      },
    ]);
    const custom = sampleRuleContext({
      settings: {
        ...ctx.settings,
        maThemes: [{ code: 'astrologie', label: 'Astrologie', active: true }],
      },
    });
    expect(validateRecord(buildMaSession({ themes: ['astrologie'] }), custom).ok).toBe(true);
  });

  it('one line (hence one « present ») per household', () => {
    const twice = buildMaSession({
      attendance: [buildMaAttendanceLine(), buildMaAttendanceLine({ attendeeMemberNo: 1 })],
    });
    const r = validateRecord(twice, ctx);
    expect(rules(r)).toContain('error:ma.household_twice');
    expect(r.issues.find((i) => i.rule === 'ma.household_twice')?.path).toBe(
      `attendance.${sampleIds.beneficiaryHousehold}`,
    );
  });

  it('a present household names who came; an absent one does not', () => {
    expect(rules(line({ attendeeMemberNo: undefined }))).toEqual(['error:ma.attendee_required']);
    expect(
      line({
        attendeeMemberNo: undefined,
        substitute: { name: 'Oumou Guindo', relation: 'belle-sœur', sex: 'F', ageYears: 30 },
      }).ok,
    ).toBe(true);
    expect(
      rules(line({ substitute: { name: 'Oumou Guindo', relation: 'belle-sœur', sex: 'F' } })),
    ).toEqual(['error:ma.attendee_and_substitute']);
    expect(rules(line({ status: 'excused' }))).toEqual(['error:ma.attendee_when_absent']);
    expect(
      line({ status: 'excused', attendeeMemberNo: undefined, absenceReason: 'Malade' }).ok,
    ).toBe(true);
  });

  it('attendee at least 15 or confirmed: 14 is refused, 15 accepted, a confirmed 12-year-old accepted', () => {
    const sub = (age: number) => ({
      name: 'Awa Guindo',
      relation: 'fille',
      sex: 'F' as const,
      ageYears: age,
    });
    expect(rules(line({ attendeeMemberNo: undefined, substitute: sub(14) }))).toEqual([
      'error:ma.attendee_min_age',
    ]);
    expect(line({ attendeeMemberNo: undefined, substitute: sub(15) }).ok).toBe(true);
    // member n°3 of the sample beneficiary household is 12
    expect(rules(line({ attendeeMemberNo: 3 }))).toEqual(['error:ma.attendee_min_age']);
    expect(line({ attendeeMemberNo: 3, minorAttendeeConfirmed: true }).ok).toBe(true);
  });

  it('the attendee must be on the household roster when it is known', () => {
    expect(rules(line({ attendeeMemberNo: 9 }))).toEqual(['error:ma.attendee_not_in_household']);
    expect(line({ attendeeMemberNo: 9 }).ok).toBe(false);
    expect(
      validateRecord(
        buildMaSession({ attendance: [buildMaAttendanceLine({ attendeeMemberNo: 9 })] }),
        sampleRuleContext({ beneficiaryHouseholds: undefined }),
      ).ok,
    ).toBe(true);
  });

  it('the titulaire as the attendee: alone is enough, with a member or a substitute is refused', () => {
    const titulaire = { attendeeMemberNo: undefined, attendeeIsTitulaire: true };
    expect(line(titulaire).ok).toBe(true);
    expect(rules(line({ attendeeIsTitulaire: true }))).toEqual([
      'error:ma.attendee_and_substitute',
    ]);
    expect(
      rules(
        line({
          ...titulaire,
          substitute: { name: 'Oumou Guindo', relation: 'belle-sœur', sex: 'F' },
        }),
      ),
    ).toEqual(['error:ma.attendee_and_substitute']);
    expect(rules(line({ ...titulaire, status: 'absent' }))).toEqual([
      'error:ma.attendee_when_absent',
    ]);
    // Without a roster on the tablet, the titulaire is known by name only: still accepted.
    expect(
      validateRecord(
        buildMaSession({ attendance: [buildMaAttendanceLine(titulaire)] }),
        sampleRuleContext({ beneficiaryHouseholds: undefined }),
      ).ok,
    ).toBe(true);
  });

  it('a titulaire under 15 on the roster needs the confirmation', () => {
    const young = sampleRuleContext({
      beneficiaryHouseholds: [
        buildBeneficiaryHousehold({
          titulaireName: 'aïssata guindo ',
        }),
      ],
    });
    const r = validateRecord(
      buildMaSession({
        attendance: [
          buildMaAttendanceLine({ attendeeMemberNo: undefined, attendeeIsTitulaire: true }),
        ],
      }),
      young,
    );
    expect(rules(r)).toEqual(['error:ma.attendee_min_age']);
  });

  it('titulaireMember finds the titulaire in the roster by name, whatever the case and spaces', () => {
    expect(titulaireMember(buildBeneficiaryHousehold())?.memberNo).toBe(2);
    expect(
      titulaireMember(buildBeneficiaryHousehold({ titulaireName: ' FATOUMATA ongoïba' }))?.memberNo,
    ).toBe(2);
    expect(
      titulaireMember(buildBeneficiaryHousehold({ titulaireName: 'Awa Dolo' })),
    ).toBeUndefined();
    expect(titulaireMember({ titulaireName: 'Awa Dolo' })).toBeUndefined();
  });
});
