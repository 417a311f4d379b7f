import { defaultProgramSettings, muacColour } from '@jigi/domain';
import type { Deps } from '../../services/deps';
import { list, num, records, villagesIn, type DashboardFilter } from '../../services/dashboard';
import { currentSettings } from '../../services/reference';

/** PNP panel: enrolments and MUAC colours per village. */
export function pnpSummary(deps: Deps, f: DashboardFilter) {
  return deps.store.read(async (tx) => {
    const thresholds = ((await currentSettings(tx)) ?? defaultProgramSettings).muac;
    const byVillage = new Map(
      (await villagesIn(tx, f)).map((v) => [
        v.id,
        {
          villageId: v.id,
          villageName: v.name,
          red: 0,
          yellow: 0,
          green: 0,
          unmeasured: 0,
          referrals: 0,
          women: 0,
        },
      ]),
    );
    for (const r of await records(tx, 'pnp_enrolment', f)) {
      const row = byVillage.get(r.villageId);
      if (row === undefined) continue;
      for (const child of list(r.data['children'])) {
        const mm = num(child['muacMm']);
        if (mm === undefined) row.unmeasured++;
        else row[muacColour(mm, thresholds)]++;
        if (child['referredTo'] !== undefined || child['oedema'] === true) row.referrals++;
      }
      row.women += list(r.data['women']).length;
    }
    return { villages: [...byVillage.values()] };
  });
}
