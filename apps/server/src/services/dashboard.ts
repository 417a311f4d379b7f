import {
  computeDaysWorked,
  defaultProgramSettings,
  muacColour,
  type HimoAttendance,
  type HimoMicroproject,
} from '@jigi/domain';
import type { Json, JsonObject } from '@jigi/sync';
import type { RecordRow } from '../storage/rows';
import type { Tx } from '../storage/store';
import { allRecords } from './record-pages';
import type { Deps } from './deps';
import { currentSettings } from './reference';

// Supervisor dashboard figures, computed on the server inside the caller's villages (the console
// never filters for security). Records are read page by page from storage.

export type DashboardFilter = {
  villageIds: readonly string[] | undefined;
  from: string | undefined;
  to: string | undefined;
};

const obj = (v: Json | undefined): JsonObject | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
const list = (v: Json | undefined): JsonObject[] =>
  Array.isArray(v) ? v.map(obj).filter((x): x is JsonObject => x !== undefined) : [];
const num = (v: Json | undefined): number | undefined => (typeof v === 'number' ? v : undefined);

function records(tx: Tx, type: string, f: DashboardFilter): Promise<RecordRow[]> {
  return allRecords(tx, { type, villageIds: f.villageIds, from: f.from, to: f.to });
}

async function villagesIn(tx: Tx, f: DashboardFilter) {
  return (await tx.reference.listVillages()).filter(
    (v) => f.villageIds === undefined || f.villageIds.includes(v.id),
  );
}

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

export function syncHealth(deps: Deps, f: DashboardFilter) {
  return deps.store.read(async (tx) => {
    const users = new Map((await tx.accounts.listUsers()).map((u) => [u.id, u]));
    const villages = await tx.reference.listVillages();
    const rejections = new Map<string, number>();
    for (const q of await tx.sync.listQuarantine())
      rejections.set(q.deviceId, (rejections.get(q.deviceId) ?? 0) + 1);
    const visible = (userId: string) => {
      const user = users.get(userId);
      if (user === undefined) return false;
      if (f.villageIds === undefined) return true;
      return villages.some(
        (v) =>
          f.villageIds?.includes(v.id) &&
          user.zones.some(
            (z) => z === v.id || v.communeCode === z || v.communeCode.startsWith(`${z}.`),
          ),
      );
    };
    return {
      devices: (await tx.accounts.listDevices())
        .filter((d) => visible(d.userId))
        .map((d) => ({
          deviceId: d.id,
          label: d.label,
          userName: users.get(d.userId)?.name ?? d.userId,
          lastSyncAt: d.lastSeenAt,
          unsyncedReported: null,
          rejections: rejections.get(d.id) ?? 0,
          revoked: d.revokedAt !== null,
        })),
    };
  });
}
