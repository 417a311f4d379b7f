import type { AnyRecordData } from '../module-descriptor';
import { zoneTypeOf, type PmtFormula, type PmtModel } from './pmt-formula';
import { indicatorValue } from './pmt-indicators';

// Scoring one household with one formula version. Pure: the same answers and the same formula give
// the same score, so a ranking is reproducible from (answers, formula version).
//
// The missing-answer rule: an indicator whose answer is missing takes its `ifMissing` value when the
// formula gives one (and the score lists it as imputed); otherwise the household is not scored and
// is listed among the exclusions with the indicators that lacked an answer. An indicator the model
// gives no coefficient is not read at all, so it cannot make a household unscored.

/** Scores are kept to 6 decimals, so that both databases and every run round the same way. */
export const SCORE_DECIMALS = 6;

export type PmtScoreResult =
  | {
      readonly kind: 'scored';
      readonly score: number;
      readonly zoneType: string;
      /** Each indicator's value as used (imputed values included). */
      readonly values: Readonly<Record<string, number>>;
      /** Indicators scored from their `ifMissing` value. */
      readonly imputed: readonly string[];
    }
  | {
      readonly kind: 'missing_answers';
      readonly zoneType: string;
      readonly missing: readonly string[];
    }
  | { readonly kind: 'no_model'; readonly zoneType: string };

export function roundScore(score: number): number {
  const factor = 10 ** SCORE_DECIMALS;
  return Math.round(score * factor) / factor;
}

/** The model a village's households are scored with: its zone type's, else the `default` one. */
export function modelFor(formula: PmtFormula, communeCode: string): PmtModel | undefined {
  const zoneType = zoneTypeOf(formula, communeCode);
  return (
    formula.models.find((m) => m.zoneType === zoneType) ??
    formula.models.find((m) => m.zoneType === 'default')
  );
}

/** A household's PMT score under a formula; `communeCode` is its village's. */
export function scoreHousehold(
  formula: PmtFormula,
  record: AnyRecordData,
  communeCode: string,
): PmtScoreResult {
  const zoneType = zoneTypeOf(formula, communeCode);
  const model = modelFor(formula, communeCode);
  if (!model) return { kind: 'no_model', zoneType };
  const values: Record<string, number> = {};
  const imputed: string[] = [];
  const missing: string[] = [];
  let score = model.constant;
  for (const indicator of formula.indicators) {
    const coefficient = model.coefficients[indicator.id];
    if (coefficient === undefined || coefficient === 0) continue;
    let value = indicatorValue(indicator, record);
    if (value === undefined) {
      if (indicator.ifMissing === undefined) {
        missing.push(indicator.id);
        continue;
      }
      value = indicator.ifMissing;
      imputed.push(indicator.id);
    }
    values[indicator.id] = value;
    score += coefficient * value;
  }
  if (missing.length > 0) return { kind: 'missing_answers', zoneType: model.zoneType, missing };
  return { kind: 'scored', score: roundScore(score), zoneType: model.zoneType, values, imputed };
}
