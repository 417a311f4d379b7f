import {
  exclusionReasons,
  headNameOf,
  rankVillage,
  surveyExclusion,
  type Exclusion,
  type RankCandidate,
} from '@jigi/domain/targeting';
import { AppError } from '../../errors/app-error';
import type { Tx } from '../../storage/store';
import { requireFormulaInForce } from './formulas';
import { CIBLAGE_TYPE } from './scoring';
import type { VillageRankingResponse } from '@jigi/contract';

export const TIE_RULE_FR =
  'Score le plus bas en premier (ménage le plus pauvre). À score égal : le ménage le plus nombreux, puis le meilleur rang sur la liste du comité villageois (sans rang en dernier), puis le code ménage dans l’ordre alphabétique.';

/**
 * A village's ranked list under the formula in force: its approved households scored at their current
 * version, cut at the village's quota, and every other surveyed household with why it is not ranked.
 */
export async function villageRanking(tx: Tx, villageId: string): Promise<VillageRankingResponse> {
  const village = await tx.reference.villageById(villageId);
  if (village === undefined) throw new AppError('not_found', { details: { villageId } });
  const { row, formula } = await requireFormulaInForce(tx);
  const records = await tx.sync.recordsWhere({ type: CIBLAGE_TYPE, villageIds: [villageId] });
  const scores = new Map(
    (await tx.targeting.villageScores(villageId, formula.version)).map((s) => [
      `${s.recordId}\u0000${s.recordVersion}`,
      s,
    ]),
  );
  const candidates: RankCandidate[] = [];
  const excluded: Exclusion[] = [];
  for (const record of records) {
    const data = record.data;
    const base = {
      recordId: record.id,
      householdCode: typeof data['householdCode'] === 'string' ? data['householdCode'] : '',
      headName: headNameOf(data),
    };
    const survey = surveyExclusion(data, record.reviewStatus);
    if (survey !== undefined) {
      excluded.push({ ...base, reason: survey });
      continue;
    }
    const score = scores.get(`${record.id}\u0000${record.version}`);
    if (score === undefined) excluded.push({ ...base, reason: 'not_scored' });
    else if (score.outcome === 'missing_answers') {
      const missing = score.detail['missing'];
      excluded.push({
        ...base,
        reason: 'missing_answers',
        missing: Array.isArray(missing) ? missing.map(String) : [],
      });
    } else if (score.outcome === 'no_model' || score.score === null)
      excluded.push({ ...base, reason: 'no_model' });
    else {
      const members = Array.isArray(data['members']) ? data['members'] : [];
      const cbt = data['cbtListRank'];
      candidates.push({
        ...base,
        householdSize: members.length,
        ...(typeof cbt === 'number' ? { cbtListRank: cbt } : {}),
        score: score.score,
      });
    }
  }
  const quotaValue = village.data['quota'];
  const quota = typeof quotaValue === 'number' ? quotaValue : 0;
  const ranking = rankVillage(candidates, quota, excluded);
  return {
    villageId,
    villageName: village.name,
    demo: village.data['demo'] === true,
    quota,
    formula: { version: row.version, label: row.label, demo: row.demo },
    tieRule: TIE_RULE_FR,
    ranked: ranking.ranked.map((r) => ({ ...r })),
    excluded: ranking.excluded.map(({ missing, ...e }) => ({
      ...e,
      reasonLabel: exclusionReasons[e.reason],
      ...(missing === undefined ? {} : { missing: [...missing] }),
    })),
  };
}
