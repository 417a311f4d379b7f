import { describe, expect, it } from 'vitest';
import { buildCiblageHousehold } from '../ciblage/ciblage-samples';
import {
  compareCandidates,
  headNameKey,
  headNameOf,
  rankVillage,
  surveyExclusion,
  type RankCandidate,
} from './ranking';

const candidate = (
  code: string,
  score: number,
  extra: Partial<RankCandidate> = {},
): RankCandidate => ({
  recordId: `id-${code}`,
  householdCode: code,
  headName: `Chef ${code}`,
  householdSize: 5,
  score,
  ...extra,
});

describe('ranking a village against its quota', () => {
  it('ranks the lowest score first and selects up to the quota', () => {
    const ranking = rankVillage(
      [candidate('C', 11.2), candidate('A', 10.5), candidate('B', 10.9), candidate('D', 12)],
      2,
    );
    expect(ranking.ranked.map((r) => [r.householdCode, r.rank, r.selected])).toEqual([
      ['A', 1, true],
      ['B', 2, true],
      ['C', 3, false],
      ['D', 4, false],
    ]);
    expect(ranking.ranked.some((r) => r.tiedAtCut)).toBe(false);
  });

  it('breaks an equal score by the larger household first', () => {
    const ranking = rankVillage(
      [candidate('A', 10, { householdSize: 4 }), candidate('B', 10, { householdSize: 9 })],
      1,
    );
    expect(ranking.ranked.map((r) => r.householdCode)).toEqual(['B', 'A']);
  });

  it('then by the committee’s list rank, a household without one after', () => {
    const ranking = rankVillage(
      [
        candidate('A', 10),
        candidate('B', 10, { cbtListRank: 7 }),
        candidate('C', 10, { cbtListRank: 2 }),
      ],
      3,
    );
    expect(ranking.ranked.map((r) => r.householdCode)).toEqual(['C', 'B', 'A']);
  });

  it('then by household code, whatever order the households came in', () => {
    const list = [candidate('KOR-2', 10), candidate('KOR-1', 10), candidate('KOR-3', 10)];
    const forward = rankVillage(list, 2).ranked.map((r) => r.householdCode);
    const backward = rankVillage([...list].reverse(), 2).ranked.map((r) => r.householdCode);
    expect(forward).toEqual(['KOR-1', 'KOR-2', 'KOR-3']);
    expect(backward).toEqual(forward);
  });

  it('flags every household whose score ties across the quota line', () => {
    const ranking = rankVillage(
      [
        candidate('A', 9),
        candidate('B', 10),
        candidate('C', 10),
        candidate('D', 10),
        candidate('E', 11),
      ],
      2,
    );
    expect(ranking.ranked.map((r) => [r.householdCode, r.selected, r.tiedAtCut])).toEqual([
      ['A', true, false],
      ['B', true, true],
      ['C', false, true],
      ['D', false, true],
      ['E', false, false],
    ]);
  });

  it('handles a quota of 0, a quota above the list, and refuses a negative quota', () => {
    expect(rankVillage([candidate('A', 1)], 0).ranked[0]?.selected).toBe(false);
    expect(rankVillage([candidate('A', 1)], 10).ranked[0]?.selected).toBe(true);
    expect(() => rankVillage([], -1)).toThrow(RangeError);
  });

  it('lists exclusions by household code with their reason', () => {
    const ranking = rankVillage([candidate('A', 1)], 1, [
      { recordId: 'z', householdCode: 'Z', headName: 'z', reason: 'survey_rejected' },
      {
        recordId: 'm',
        householdCode: 'M',
        headName: 'm',
        reason: 'missing_answers',
        missing: ['eau'],
      },
    ]);
    expect(ranking.excluded.map((e) => [e.householdCode, e.reason])).toEqual([
      ['M', 'missing_answers'],
      ['Z', 'survey_rejected'],
    ]);
  });

  it('orders candidates as a total order (antisymmetric)', () => {
    const a = candidate('A', 10);
    const b = candidate('B', 10);
    expect(Math.sign(compareCandidates(a, b))).toBe(-Math.sign(compareCandidates(b, a)));
    expect(compareCandidates(a, a)).toBe(0);
  });
});

describe('which surveys are scored', () => {
  const household = buildCiblageHousehold();
  it('scores approved, completed interviews with consent only', () => {
    expect(surveyExclusion(household, 'approved')).toBeUndefined();
    expect(surveyExclusion(household, 'received')).toBe('survey_not_reviewed');
    expect(surveyExclusion(household, 'returned')).toBe('survey_returned');
    expect(surveyExclusion(household, 'rejected')).toBe('survey_rejected');
    expect(surveyExclusion(buildCiblageHousehold({ result: 'absent' }), 'approved')).toBe(
      'interview_incomplete',
    );
    expect(surveyExclusion(buildCiblageHousehold({ consent: { given: false } }), 'approved')).toBe(
      'no_consent',
    );
  });

  it('names the head and folds the name for matching', () => {
    expect(headNameOf(household)).toBe('Amadou Guindo');
    expect(headNameKey('Amadou  Ɲɛ́ Guindo')).toBe(headNameKey('amadou nye guindo'));
  });
});
