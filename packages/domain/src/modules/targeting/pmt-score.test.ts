import { describe, expect, it } from 'vitest';
import { buildCiblageHousehold, buildMember } from '../ciblage/ciblage-samples';
import { sampleId } from '../../testing/sample-base';
import { demoPmtFormula } from './demo-formula';
import { pmtFormulaSchema, type PmtFormulaInput } from './pmt-formula';
import { indicatorValue } from './pmt-indicators';
import { roundScore, scoreHousehold } from './pmt-score';

// The sample household: head (M, 45, literate, no education level asked), spouse (F, 38), a child
// born 2014-02 (12 at the 2026-03-14 interview); tin-free roof « terre », water « forage », one
// basic phone, a bicycle, sheep 2, goats 5, a donkey, 8 poultry, 3 months of hunger gap.
const household = buildCiblageHousehold();
const KORO = 'mopti.koro.dioungani';

function formula(input: Partial<PmtFormulaInput>) {
  return pmtFormulaSchema.parse({
    version: 't-1',
    label: 'test',
    demo: false,
    indicators: [],
    models: [],
    ...input,
  });
}

describe('indicator values from ciblage answers', () => {
  const value = (source: unknown, extra: object = {}, record = household) =>
    indicatorValue(
      { id: 'x', label: 'x', source, ...extra } as Parameters<typeof indicatorValue>[0],
      record,
    );

  it('reads household size, member counts and shares', () => {
    expect(value({ kind: 'householdSize' })).toBe(3);
    expect(value({ kind: 'members', where: { sex: 'F' } })).toBe(2);
    expect(value({ kind: 'members', where: { ageMin: 6, ageMax: 14 } })).toBe(1);
    expect(value({ kind: 'members', where: { ageMin: 15 }, share: true })).toBeCloseTo(2 / 3);
    expect(value({ kind: 'members', where: { literate: true } })).toBe(1);
  });

  it('reads the head, coded answers, numbers and weighted sums', () => {
    expect(value({ kind: 'head', field: 'sex', in: ['F'] })).toBe(0);
    expect(value({ kind: 'head', field: 'literate', in: [true] })).toBe(1);
    expect(value({ kind: 'answerIn', path: 'dwelling.water', in: ['forage'] })).toBe(1);
    expect(value({ kind: 'answerIn', path: 'dwelling.roof', in: ['tole'] })).toBe(0);
    expect(value({ kind: 'number', path: 'livestock.goats' })).toBe(5);
    expect(value({ kind: 'number', path: 'livestock.goats', max: 3 })).toBe(3);
    const tlu = {
      kind: 'weightedSum',
      terms: [
        { path: 'livestock.sheep', weight: 0.1 },
        { path: 'livestock.goats', weight: 0.1 },
        { path: 'livestock.donkeys', weight: 0.5 },
      ],
    };
    expect(value(tlu)).toBeCloseTo(1.2);
  });

  it('applies the transforms', () => {
    expect(value({ kind: 'householdSize' }, { transform: 'log' })).toBeCloseTo(Math.log(3));
    expect(value({ kind: 'number', path: 'livestock.goats' }, { transform: 'log1p' })).toBeCloseTo(
      Math.log(6),
    );
    expect(
      value({ kind: 'number', path: 'livestock.poultry' }, { transform: 'perCapita' }),
    ).toBeCloseTo(8 / 3);
  });

  it('is undefined when the answer it needs is missing', () => {
    const noDwelling = buildCiblageHousehold({ dwelling: undefined, livestock: undefined });
    expect(value({ kind: 'answerIn', path: 'dwelling.roof', in: ['tole'] }, {}, noDwelling)).toBe(
      undefined,
    );
    expect(
      value(
        { kind: 'weightedSum', terms: [{ path: 'livestock.goats', weight: 1 }] },
        {},
        noDwelling,
      ),
    ).toBe(undefined);
    // A head whose education was not asked: the head indicator has no answer.
    expect(value({ kind: 'head', field: 'highestLevel', in: ['secondaire'] })).toBe(undefined);
    // An age condition on a member with no age at all.
    const ageless = buildCiblageHousehold({
      members: [
        ...household.members,
        buildMember({ id: sampleId(9), memberNo: 4, ageYears: undefined }),
      ],
    });
    expect(value({ kind: 'members', where: { ageMax: 5 } }, {}, ageless)).toBe(undefined);
  });
});

describe('scoring a household', () => {
  const simple = formula({
    indicators: [
      { id: 'log_taille', label: 'l', source: { kind: 'householdSize' }, transform: 'log' },
      {
        id: 'eau',
        label: 'e',
        source: { kind: 'answerIn', path: 'dwelling.water', in: ['forage'] },
      },
      {
        id: 'chevres',
        label: 'c',
        source: { kind: 'number', path: 'livestock.goats' },
        ifMissing: 0,
      },
      { id: 'inutilise', label: 'u', source: { kind: 'number', path: 'land.areaHa' } },
    ],
    models: [
      {
        zoneType: 'default',
        constant: 10,
        coefficients: { log_taille: -0.5, eau: 0.2, chevres: 0.01 },
      },
      { zoneType: 'nord', constant: 9, coefficients: { log_taille: -0.4, eau: 0.3 } },
    ],
    zones: [{ areaCode: 'gao', zoneType: 'nord' }],
  });

  it('is the constant plus each coefficient times its indicator', () => {
    const result = scoreHousehold(simple, household, KORO);
    expect(result).toEqual({
      kind: 'scored',
      score: roundScore(10 - 0.5 * Math.log(3) + 0.2 + 0.01 * 5),
      zoneType: 'default',
      values: { log_taille: Math.log(3), eau: 1, chevres: 5 },
      imputed: [],
    });
  });

  it('scores with the model of the village’s zone type', () => {
    const result = scoreHousehold(simple, household, 'gao.gao.gabero');
    expect(result.kind === 'scored' && result.zoneType).toBe('nord');
    expect(result.kind === 'scored' && result.score).toBe(roundScore(9 - 0.4 * Math.log(3) + 0.3));
  });

  it('uses an indicator’s ifMissing value and says so', () => {
    const result = scoreHousehold(simple, buildCiblageHousehold({ livestock: undefined }), KORO);
    expect(result.kind).toBe('scored');
    if (result.kind !== 'scored') return;
    expect(result.imputed).toEqual(['chevres']);
    expect(result.score).toBe(roundScore(10 - 0.5 * Math.log(3) + 0.2));
  });

  it('leaves a household unscored when an answer without ifMissing is missing, naming it', () => {
    const result = scoreHousehold(simple, buildCiblageHousehold({ dwelling: undefined }), KORO);
    expect(result).toEqual({ kind: 'missing_answers', zoneType: 'default', missing: ['eau'] });
  });

  it('does not read an indicator its model gives no coefficient', () => {
    // `inutilise` has no coefficient: a household without land answers is still scored.
    const result = scoreHousehold(simple, buildCiblageHousehold({ land: undefined }), KORO);
    expect(result.kind).toBe('scored');
  });

  it('answers no_model when no model covers the village’s zone and there is no default', () => {
    const northOnly = formula({
      indicators: simple.indicators,
      models: [{ zoneType: 'nord', constant: 9, coefficients: {} }],
      zones: [{ areaCode: 'gao', zoneType: 'nord' }],
    });
    expect(scoreHousehold(northOnly, household, KORO)).toEqual({
      kind: 'no_model',
      zoneType: 'default',
    });
    expect(scoreHousehold(northOnly, household, 'gao.gao.gabero').kind).toBe('scored');
  });

  it('is reproducible: the same answers and formula give the same score, rounded to 6 decimals', () => {
    const a = scoreHousehold(demoPmtFormula, household, KORO);
    const b = scoreHousehold(demoPmtFormula, structuredClone(household), KORO);
    expect(a).toEqual(b);
    expect(a.kind).toBe('scored');
    if (a.kind === 'scored') expect(a.score).toBe(roundScore(a.score));
  });

  it('scores a poorer household lower with the demo formula', () => {
    const richer = buildCiblageHousehold({
      dwelling: { ...household.dwelling!, roof: 'tole', lighting: 'solaire' },
      livestock: { ...household.livestock!, cattle: 6 },
    });
    const bigger = buildCiblageHousehold({
      members: [
        ...household.members,
        ...[4, 5, 6, 7].map((no) =>
          buildMember({
            id: sampleId(500 + no),
            memberNo: no,
            relationToHead: 'enfant',
            ageYears: 2,
          }),
        ),
      ],
    });
    const score = (h: typeof household) => {
      const r = scoreHousehold(demoPmtFormula, h, KORO);
      if (r.kind !== 'scored') throw new Error(r.kind);
      return r.score;
    };
    expect(score(richer)).toBeGreaterThan(score(household));
    expect(score(bigger)).toBeLessThan(score(household));
  });
});
