import type { Deps } from '../../services/deps';
import { num, records, villagesIn, type DashboardFilter } from '../../services/dashboard';

/** Ciblage panel: households surveyed per village against the village's quota. */
export function ciblageProgress(deps: Deps, f: DashboardFilter) {
  return deps.store.read(async (tx) => {
    const surveyed = new Map<string, number>();
    for (const r of await records(tx, 'ciblage_household', f))
      surveyed.set(r.villageId, (surveyed.get(r.villageId) ?? 0) + 1);
    return {
      villages: (await villagesIn(tx, f)).map((v) => ({
        villageId: v.id,
        villageName: v.name,
        quota: num(v.data['quota']) ?? null,
        surveyed: surveyed.get(v.id) ?? 0,
      })),
    };
  });
}
