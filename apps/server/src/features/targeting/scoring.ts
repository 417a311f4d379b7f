import { scoreHousehold, surveyExclusion, type PmtFormula } from '@jigi/domain/targeting';
import type { JsonObject } from '@jigi/sync';
import type { Deps } from '../../services/deps';
import type { VillageRow } from '../../storage/rows';
import type { Tx } from '../../storage/store';
import type { PmtScoreRow } from '../../storage/targeting-rows';
import type { ScoreComputation } from '@jigi/contract';

/** The record type whose answers are scored. */
export const CIBLAGE_TYPE = 'ciblage_household';

/**
 * Scores a village's approved, completed ciblage households with a formula, for each household at
 * its current version not scored by that formula yet. A corrected and re-approved household gets a
 * new score; the older scores (older record versions, other formula versions) stay as history.
 */
export async function scoreVillage(
  tx: Tx,
  deps: Deps,
  formula: PmtFormula,
  village: VillageRow,
): Promise<Omit<ScoreComputation, 'formulaVersion' | 'villages'>> {
  const records = await tx.sync.recordsWhere({ type: CIBLAGE_TYPE, villageIds: [village.id] });
  const done = new Set(
    (await tx.targeting.villageScores(village.id, formula.version)).map(
      (s) => `${s.recordId}\u0000${s.recordVersion}`,
    ),
  );
  const at = deps.now().toISOString();
  const out = { computed: 0, scored: 0, unscored: 0 };
  for (const record of records) {
    if (surveyExclusion(record.data, record.reviewStatus) !== undefined) continue;
    if (done.has(`${record.id}\u0000${record.version}`)) continue;
    const result = scoreHousehold(formula, record.data, village.communeCode);
    const row: PmtScoreRow = {
      recordId: record.id,
      recordVersion: record.version,
      formulaVersion: formula.version,
      villageId: village.id,
      outcome: result.kind,
      score: result.kind === 'scored' ? result.score : null,
      zoneType: result.zoneType,
      detail: JSON.parse(
        JSON.stringify(
          result.kind === 'scored'
            ? { values: result.values, imputed: result.imputed }
            : result.kind === 'missing_answers'
              ? { missing: result.missing }
              : {},
        ),
      ) as JsonObject,
      computedAt: at,
    };
    await tx.targeting.saveScore(row);
    out.computed++;
    if (result.kind === 'scored') out.scored++;
    else out.unscored++;
  }
  return out;
}

/** Scores the villages given (every village when undefined) with a formula. */
export async function scoreVillages(
  tx: Tx,
  deps: Deps,
  formula: PmtFormula,
  villageIds: readonly string[] | undefined,
): Promise<ScoreComputation> {
  const wanted = villageIds === undefined ? undefined : new Set(villageIds);
  const villages = (await tx.reference.listVillages()).filter(
    (v) => wanted === undefined || wanted.has(v.id),
  );
  const total: ScoreComputation = {
    formulaVersion: formula.version,
    villages: villages.length,
    computed: 0,
    scored: 0,
    unscored: 0,
  };
  for (const village of villages) {
    const r = await scoreVillage(tx, deps, formula, village);
    total.computed += r.computed;
    total.scored += r.scored;
    total.unscored += r.unscored;
  }
  return total;
}
