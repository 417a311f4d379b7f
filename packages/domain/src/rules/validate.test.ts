import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  buildCiblageHousehold,
  buildMember,
  buildPnpChild,
  buildPnpEnrolment,
  sampleIds,
  sampleRuleContext,
} from '../testing/sample-records';
import { validateDraft, validateRecord } from './validate';

const ctx = sampleRuleContext();
const ENGLISH = /\b(Invalid|expected|received|Required|Too (small|big)|must|string|number)\b/;

describe('structural errors come out as French issues on sync paths', () => {
  it('a missing required field names the field and uses the item id in the path', () => {
    const { firstName: _dropped, ...member } = buildMember();
    const r = validateRecord(
      buildCiblageHousehold({
        members: [
          buildMember({ id: sampleIds.head, memberNo: 1, relationToHead: 'chef', sex: 'M' }),
          member as never,
        ],
      }),
      ctx,
    );
    expect(r.ok).toBe(false);
    expect(r.record).toBeUndefined();
    expect(r.issues).toContainEqual({
      path: `members.${sampleIds.spouse}.firstName`,
      rule: 'structure.invalid_type',
      severity: 'error',
      message: 'Prénom (membre n°2) : champ obligatoire.',
    });
  });

  it('wrong types, ranges, formats and enum values are in French', () => {
    const r = validateRecord(
      {
        ...buildCiblageHousehold(),
        interviewDate: '14/03/2026',
        headPhone: '76123456',
        result: 'fini',
        cbtListRank: 0,
        householdCode: 42,
      },
      ctx,
    );
    const byPath = Object.fromEntries(r.issues.map((i) => [i.path, i.message]));
    expect(byPath.interviewDate).toBe('Date de l’entretien : date au format jj/mm/aaaa attendue.');
    expect(byPath.headPhone).toBe(
      'Téléphone du chef de ménage : numéro malien au format +223XXXXXXXX attendu.',
    );
    expect(byPath.result).toMatch(
      /^Résultat de l’entretien : valeur non autorisée \(valeurs possibles : complete, absent/,
    );
    expect(byPath.cbtListRank).toBe('Rang sur la liste communautaire : doit être d’au moins 1.');
    expect(byPath.householdCode).toBe('Code ménage : valeur de type incorrect (texte attendu).');
  });

  it('property: whatever is broken, no English zod message leaks', () => {
    const record = buildPnpEnrolment() as unknown as Record<string, unknown>;
    const keys = Object.keys(record);
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.oneof(
          fc.string(),
          fc.integer(),
          fc.boolean(),
          fc.constant(null),
          fc.array(fc.integer()),
        ),
        (key, value) => {
          const r = validateRecord({ ...record, [key]: value }, ctx);
          for (const i of r.issues) {
            expect(i.message).not.toMatch(ENGLISH);
            expect(i.message).toMatch(/ : /);
          }
        },
      ),
    );
  });

  it('rules still run when the structure is broken elsewhere, so the form shows everything at once', () => {
    const r = validateRecord(
      buildPnpEnrolment({
        visitDate: 'hier',
        children: [buildPnpChild({ muacMm: 114 })],
        gps: { lat: 200, lon: 0, accuracyM: 5 },
      }),
      ctx,
    );
    expect(r.issues.map((i) => i.rule)).toEqual([
      'structure.invalid_format',
      'structure.too_big',
      'pnp.referral_required',
    ]);
  });

  it('a roster line that is not an object is reported by index and dropped before the rules run', () => {
    const r = validateRecord(
      { ...buildCiblageHousehold(), members: [...buildCiblageHousehold().members, 'garbage'] },
      ctx,
    );
    expect(r.issues).toEqual([
      {
        path: 'members.3',
        rule: 'structure.invalid_type',
        severity: 'error',
        message: 'Liste des membres : valeur de type incorrect (objet attendu).',
      },
    ]);
  });

  it('an invalid item of a list without ids is reported on the list (a leaf for sync)', () => {
    const r = validateRecord({ ...buildCiblageHousehold(), otherPrograms: ['pam', 'fmi'] }, ctx);
    expect(r.issues.map((i) => i.path)).toEqual(['otherPrograms']);
    expect(r.issues[0]?.message).toMatch(/^Autres programmes : valeur non autorisée/);
  });

  it('not an object, unknown type, future version', () => {
    expect(validateRecord('x', ctx).issues[0]?.rule).toBe('migration.not_an_object');
    expect(
      validateRecord({ ...buildCiblageHousehold(), type: 'plainte' }, ctx).issues[0],
    ).toMatchObject({ path: 'type', rule: 'migration.unknown_type' });
    expect(
      validateRecord({ ...buildCiblageHousehold(), schemaVersion: 4 }, ctx).issues[0],
    ).toMatchObject({ path: 'schemaVersion', rule: 'migration.future_version' });
  });

  it('an older record is migrated, then validated; the result is at the current version', () => {
    const { gps: _g, consent: _c, ...rest } = buildCiblageHousehold();
    const v1 = {
      ...rest,
      schemaVersion: 1,
      consent: true,
      consentAt: '2026-03-14T08:05:00.000Z',
      gps: { latitude: 14.07, longitude: -3.08, accuracy: 8 },
    };
    const r = validateRecord(v1, ctx);
    expect(r.issues).toEqual([]);
    expect(r.record).toEqual(buildCiblageHousehold());
  });

  it('the returned record is the parsed one (names trimmed)', () => {
    const r = validateRecord(
      buildPnpEnrolment({ children: [buildPnpChild({ name: '  Hawa   Guindo ' })] }),
      ctx,
    );
    expect(r.record?.type === 'pnp_enrolment' && r.record.children[0]?.name).toBe('Hawa Guindo');
  });
});

describe('drafts', () => {
  it('missing required fields are tolerated; wrong values and rule errors are still shown', () => {
    const draft = {
      id: sampleIds.household,
      type: 'ciblage_household',
      schemaVersion: 2,
      members: [
        { id: sampleIds.head, relationToHead: 'chef', ageYears: 10 },
        { id: sampleIds.spouse, sex: 'X' },
      ],
    };
    const r = validateDraft(draft, ctx);
    expect(r.ok).toBe(false);
    expect(r.issues.map((i) => [i.path, i.rule])).toEqual([
      [`members.${sampleIds.spouse}.sex`, 'structure.invalid_value'],
      [`members.${sampleIds.head}.ageYears`, 'ciblage.head_age_min'],
      [`members.${sampleIds.spouse}.ageYears`, 'ciblage.member_age_required'],
    ]);
    expect(validateRecord(draft, ctx).issues.length).toBeGreaterThan(10);
  });

  it('an empty draft of each type has no issue', () => {
    for (const type of [
      'ciblage_household',
      'ma_session',
      'pnp_enrolment',
      'himo_worker',
      'himo_attendance',
      'himo_payment',
    ]) {
      const version = type === 'ciblage_household' ? 2 : 1;
      expect(validateDraft({ type, schemaVersion: version }, ctx)).toEqual({
        ok: true,
        issues: [],
      });
    }
  });

  it('a complete draft validates like a record', () => {
    expect(validateDraft(buildCiblageHousehold(), ctx)).toEqual(
      validateRecord(buildCiblageHousehold(), ctx),
    );
  });
});
