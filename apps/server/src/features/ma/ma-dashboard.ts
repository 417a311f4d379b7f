import type { Deps } from '../../services/deps';
import { list, num, records, villagesIn, type DashboardFilter } from '../../services/dashboard';

/** MA panel: sessions attended per beneficiary household. */
export function maAttendance(deps: Deps, f: DashboardFilter) {
  return deps.store.read(async (tx) => {
    const names = new Map((await villagesIn(tx, f)).map((v) => [v.id, v.name]));
    const households = new Map<
      string,
      {
        householdId: string;
        householdCode: string;
        villageName: string;
        sessions: number;
        present: number;
      }
    >();
    const sessions = (await records(tx, 'ma_session', f)).map((r) => {
      const lines = list(r.data['attendance']);
      for (const line of lines) {
        const id = typeof line['id'] === 'string' ? line['id'] : JSON.stringify(line['id']);
        const h = households.get(id) ?? {
          householdId: id,
          householdCode: typeof line['householdCode'] === 'string' ? line['householdCode'] : id,
          villageName: names.get(r.villageId) ?? r.villageId,
          sessions: 0,
          present: 0,
        };
        h.sessions++;
        if (line['status'] === 'present') h.present++;
        households.set(id, h);
      }
      return {
        recordId: r.id,
        villageName: names.get(r.villageId) ?? r.villageId,
        date: typeof r.data['date'] === 'string' ? r.data['date'] : '',
        sessionNo: num(r.data['sessionNo']) ?? 0,
        expected: lines.filter((l) => l['expected'] === true).length,
        present: lines.filter((l) => l['status'] === 'present').length,
      };
    });
    return { sessions, households: [...households.values()] };
  });
}
