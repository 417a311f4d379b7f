import { himoPay, type HimoAttendance, type HimoMicroproject } from '@jigi/domain';
import type { Deps } from '../../services/deps';
import { type DashboardFilter } from '../../services/dashboard';

const DAY_MS = 86_400_000;

/**
 * The last sheet date of the period: the filter's `to` is the exclusive timestamp after the last
 * day (it bounds capture times), so the day before it, as sheets are dated by day.
 */
function lastDay(to: string | undefined): string | undefined {
  return to === undefined
    ? undefined
    : new Date(Date.parse(to) - DAY_MS).toISOString().slice(0, 10);
}

/**
 * HIMO panel: active workers, days worked and wages due per microproject. Days and wages are the
 * domain's `himoPay` over the project's sheets, as on the tablet: a replaced worker's days are due too.
 */
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
          const pay = himoPay({
            sheets,
            projectId: m.id,
            dailyWageFcfa: project.dailyWageFcfa,
            periodStart: f.from,
            periodEnd: lastDay(f.to),
          });
          return {
            projectId: m.id,
            name: project.name,
            workers: workers.length,
            daysWorked: pay.days,
            wagesDueFcfa: pay.amountFcfa,
          };
        }),
      ),
    };
  });
}
