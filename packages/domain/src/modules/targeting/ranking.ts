import { searchKey } from '../../common/search-key';
import type { AnyRecordData } from '../module-descriptor';

// A village's ranked list: the scored households, poorest first, cut at the village's quota, and the
// households left out with their reason.
//
// The score estimates (log) consumption per person, so the LOWEST score is the poorest household and
// is ranked first. The tie rule, applied in order when two scores are equal (to SCORE_DECIMALS):
//   1. the larger household first (more people behind the same estimated consumption);
//   2. the better (lower) rank on the village committee's list, a household without one after;
//   3. the household code in alphabetical order (so the list never depends on storage order).
// A tie that straddles the quota line is flagged (`tiedAtCut`) so the assembly sees it was decided
// by the rule, not by the score.

/** Why a surveyed household is not on the ranked list. */
export const exclusionReasons = {
  survey_not_reviewed: 'Questionnaire pas encore approuvé par le superviseur',
  survey_returned: 'Questionnaire renvoyé pour correction',
  survey_rejected: 'Questionnaire rejeté',
  interview_incomplete: 'Entretien non complété',
  no_consent: 'Consentement refusé',
  missing_answers: 'Réponses manquantes pour le score',
  no_model: 'Aucun modèle de la formule pour la zone du village',
  not_scored: 'Pas encore de score avec la formule en vigueur',
} as const;
export type ExclusionReason = keyof typeof exclusionReasons;

export type ReviewStatus = 'received' | 'approved' | 'returned' | 'rejected';

/**
 * Why a survey cannot be scored as it stands, or undefined when it can: only approved, completed
 * interviews with consent are scored.
 */
export function surveyExclusion(
  record: AnyRecordData,
  reviewStatus: ReviewStatus,
): ExclusionReason | undefined {
  if (reviewStatus === 'rejected') return 'survey_rejected';
  if (reviewStatus === 'returned') return 'survey_returned';
  if (reviewStatus !== 'approved') return 'survey_not_reviewed';
  if (record['result'] !== 'complete') return 'interview_incomplete';
  const consent = record['consent'] as { given?: unknown } | undefined;
  if (consent?.given !== true) return 'no_consent';
  return undefined;
}

/** A scored household as the ranking reads it. */
export interface RankCandidate {
  readonly recordId: string;
  readonly householdCode: string;
  readonly headName: string;
  readonly householdSize: number;
  readonly cbtListRank?: number;
  readonly score: number;
}

export interface Exclusion {
  readonly recordId: string;
  readonly householdCode: string;
  readonly headName: string;
  readonly reason: ExclusionReason;
  /** The indicators without an answer (`missing_answers`). */
  readonly missing?: readonly string[];
}

export interface RankedHousehold extends RankCandidate {
  /** 1 = poorest. */
  readonly rank: number;
  /** Within the village's quota. */
  readonly selected: boolean;
  /** Its score equals that of a household on the other side of the quota line. */
  readonly tiedAtCut: boolean;
}

export interface VillageRanking {
  readonly quota: number;
  readonly ranked: readonly RankedHousehold[];
  readonly excluded: readonly Exclusion[];
}

/** The order of the tie rule above: negative when `a` comes first. */
export function compareCandidates(a: RankCandidate, b: RankCandidate): number {
  if (a.score !== b.score) return a.score - b.score;
  if (a.householdSize !== b.householdSize) return b.householdSize - a.householdSize;
  const ra = a.cbtListRank ?? Number.POSITIVE_INFINITY;
  const rb = b.cbtListRank ?? Number.POSITIVE_INFINITY;
  if (ra !== rb) return ra < rb ? -1 : 1;
  if (a.householdCode !== b.householdCode) return a.householdCode < b.householdCode ? -1 : 1;
  return a.recordId < b.recordId ? -1 : a.recordId > b.recordId ? 1 : 0;
}

/** Ranks a village's scored households and cuts the list at its quota. */
export function rankVillage(
  candidates: readonly RankCandidate[],
  quota: number,
  excluded: readonly Exclusion[] = [],
): VillageRanking {
  if (!Number.isInteger(quota) || quota < 0) throw new RangeError('quota must be an integer ≥ 0');
  const sorted = [...candidates].sort(compareCandidates);
  const lastIn = sorted[quota - 1];
  const firstOut = sorted[quota];
  const cutTie = lastIn !== undefined && firstOut !== undefined && lastIn.score === firstOut.score;
  const ranked = sorted.map((c, i): RankedHousehold => ({
    ...c,
    rank: i + 1,
    selected: i < quota,
    tiedAtCut: cutTie && c.score === lastIn.score,
  }));
  const byCode = [...excluded].sort((a, b) =>
    a.householdCode < b.householdCode ? -1 : a.householdCode > b.householdCode ? 1 : 0,
  );
  return { quota, ranked, excluded: byCode };
}

/** The head's name of a ciblage household as « Prénom Nom », '' when the roster has no head. */
export function headNameOf(record: AnyRecordData): string {
  const members = Array.isArray(record['members']) ? (record['members'] as AnyRecordData[]) : [];
  const head = members.find((m) => m['relationToHead'] === 'chef');
  if (!head) return '';
  return [head['firstName'], head['lastName']].filter((p) => typeof p === 'string').join(' ');
}

/** A folded key of a head's name, for duplicate matching (accents, case, letters of the orthographies). */
export function headNameKey(name: string): string {
  return searchKey(name).replace(/\s/g, '');
}
