import { computeDaysWorked, type HimoAttendance, type HimoMicroproject } from '@jigi/domain';
import type { Deps } from '../../services/deps';
import { type DashboardFilter } from '../../services/dashboard';

/** HIMO panel: workers, days worked and wages due per microproject. */
export function himoSummary(deps: Deps, f: DashboardFilter) {
  return deps.store.read(async (tx) => {
    const projects = (await tx.reference.listMicroprojects()).filter(
      (m) => f.villageIds === undefined || m.villageIds.some((v) => f.villageIds?.includes(v)),
    );
    return {
      microprojects: await Promise.all(
        projects.map(async (m) => {
          const project = m.data as unknown as HimoMicroproject;
          const workers = (
            await tx.sync.recordsWhere({ type: 'himo_worker', field: 'projectId', value: m.id })
          ).filter((w) => w.data['active'] === true);
          const sheets = (
            await tx.sync.recordsWhere({ type: 'himo_attendance', field: 'projectId', value: m.id })
          ).map((r) => r.data as unknown as HimoAttendance);
          const daysWorked = workers.reduce(
            (sum, w) =>
              sum +
              computeDaysWorked(sheets, m.id, w.id, f.from ?? '0000-01-01', f.to ?? '9999-12-31'),
            0,
          );
          return {
            projectId: m.id,
            name: project.name,
            workers: workers.length,
            daysWorked,
            wagesDueFcfa: Math.round(daysWorked * project.dailyWageFcfa),
          };
        }),
      ),
    };
  });
}
