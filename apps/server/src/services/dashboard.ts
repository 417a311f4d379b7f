import type { Json, JsonObject } from '@jigi/sync';
import type { RecordRow } from '../storage/rows';
import type { Tx } from '../storage/store';
import { allRecords } from './record-pages';
import type { Deps } from './deps';

// Supervisor dashboard figures, computed on the server inside the caller's villages (the console
// never filters for security). Records are read page by page from storage. Each module's panel
// lives in its feature folder (features/<module>/<module>-dashboard.ts); this file holds what they
// share and the panel every deployment has: the tablets' sync health.

export type DashboardFilter = {
  villageIds: readonly string[] | undefined;
  from: string | undefined;
  to: string | undefined;
};

export const obj = (v: Json | undefined): JsonObject | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? v : undefined;
export const list = (v: Json | undefined): JsonObject[] =>
  Array.isArray(v) ? v.map(obj).filter((x): x is JsonObject => x !== undefined) : [];
export const num = (v: Json | undefined): number | undefined =>
  typeof v === 'number' ? v : undefined;

export function records(tx: Tx, type: string, f: DashboardFilter): Promise<RecordRow[]> {
  return allRecords(tx, { type, villageIds: f.villageIds, from: f.from, to: f.to });
}

export async function villagesIn(tx: Tx, f: DashboardFilter) {
  return (await tx.reference.listVillages()).filter(
    (v) => f.villageIds === undefined || f.villageIds.includes(v.id),
  );
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
