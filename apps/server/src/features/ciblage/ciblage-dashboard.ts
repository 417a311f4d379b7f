import { ciblageOptions, isFailedVisit } from '@jigi/domain';
import type { Deps } from '../../services/deps';
import { num, records, villagesIn, type DashboardFilter } from '../../services/dashboard';

/** The outcomes of a visit that did not lead to an interview, in the form's order. */
const failedOutcomes = Object.keys(ciblageOptions.interviewResult.labels).filter(
  (o) => o !== 'complete',
);

type Tally = { surveyed: number; failedVisits: number; failedByOutcome: Record<string, number> };

function emptyTally(): Tally {
  return {
    surveyed: 0,
    failedVisits: 0,
    failedByOutcome: Object.fromEntries(failedOutcomes.map((o) => [o, 0])),
  };
}

/**
 * Ciblage panel: households surveyed per village against the village's quota. A failed visit
 * (absent, refusal, moved, not found) is counted apart, by outcome: it is work done in the village,
 * not a household surveyed towards the quota.
 */
export function ciblageProgress(deps: Deps, f: DashboardFilter) {
  return deps.store.read(async (tx) => {
    const byVillage = new Map<string, Tally>();
    for (const r of await records(tx, 'ciblage_household', f)) {
      const tally = byVillage.get(r.villageId) ?? emptyTally();
      const outcome = r.data['result'];
      if (isFailedVisit(r.data) && typeof outcome === 'string') {
        tally.failedVisits += 1;
        tally.failedByOutcome[outcome] = (tally.failedByOutcome[outcome] ?? 0) + 1;
      } else {
        tally.surveyed += 1;
      }
      byVillage.set(r.villageId, tally);
    }
    return {
      villages: (await villagesIn(tx, f)).map((v) => ({
        villageId: v.id,
        villageName: v.name,
        quota: num(v.data['quota']) ?? null,
        ...(byVillage.get(v.id) ?? emptyTally()),
      })),
    };
  });
}
