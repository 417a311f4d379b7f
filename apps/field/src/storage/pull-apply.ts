import { beneficiaryHouseholdSchema, himoMicroprojectSchema, programSettingsSchema, villageSchema } from '@jigi/domain';
import { db } from './db';
import { attempt, type StorageResult } from './errors';
import { searchTextOf } from './search-text';
import type { AnyRecord, RecordRow, SyncStatus } from './types';

/** One pulled change, as `@jigi/sync`'s pullChangeSchema parses it. */
export type PulledChange =
  | { seq: number; entity: string; id: string; version?: number | undefined; deleted: false; data: Record<string, unknown>; meta?: { reviewState?: string | undefined; pendingConflictPaths?: string[] | undefined } | undefined }
  | { seq: number; entity: string; id: string; version?: number | undefined; deleted: true };

export interface PullApplied {
  applied: number;
  skipped: { id: string; entity: string; reason: string }[];
}

/** The server has this record and nothing is pending here: its review state decides the status. */
function statusFromMeta(meta: { reviewState?: string | undefined; pendingConflictPaths?: string[] | undefined } | undefined): SyncStatus {
  if (meta?.pendingConflictPaths && meta.pendingConflictPaths.length > 0) return 'conflict';
  if (meta?.reviewState === 'returned') return 'returned';
  return 'synced';
}

/**
 * Applies one pulled page AND its cursor in one transaction (a drop mid-page re-pulls the same page).
 * Reference data replaces what the tablet had; a pulled record never overwrites a local pending edit —
 * only its server version and server content move underneath (DESIGN.md §3, issue 5).
 */
export function applyPullPage(userId: string, changes: readonly PulledChange[], nextCursor: string, now: string): Promise<StorageResult<PullApplied>> {
  const d = db();
  return attempt(() =>
    d.transaction('rw', [d.villages, d.beneficiaryHouseholds, d.microprojects, d.settings, d.records, d.tasks, d.outbox, d.syncState], async () => {
      const out: PullApplied = { applied: 0, skipped: [] };
      for (const change of changes) {
        const skip = (reason: string) => out.skipped.push({ id: change.id, entity: change.entity, reason });
        switch (change.entity) {
          case 'village': {
            if (change.deleted) await d.villages.delete(change.id);
            else {
              const v = villageSchema.safeParse(change.data);
              if (!v.success) { skip(v.error.message); continue; }
              await d.villages.put(v.data);
            }
            break;
          }
          case 'beneficiary_household': {
            if (change.deleted) await d.beneficiaryHouseholds.delete(change.id);
            else {
              const h = beneficiaryHouseholdSchema.safeParse(change.data);
              if (!h.success) { skip(h.error.message); continue; }
              await d.beneficiaryHouseholds.put(h.data);
            }
            break;
          }
          case 'microproject': {
            if (change.deleted) await d.microprojects.delete(change.id);
            else {
              const m = himoMicroprojectSchema.safeParse(change.data);
              if (!m.success) { skip(m.error.message); continue; }
              await d.microprojects.put(m.data);
            }
            break;
          }
          case 'settings': {
            if (change.deleted) continue;
            const s = programSettingsSchema.safeParse(change.data);
            if (!s.success) { skip(s.error.message); continue; }
            await d.settings.put({ id: 'program', ...s.data });
            break;
          }
          case 'record': {
            const local = await d.records.get(change.id);
            const pending = await d.outbox.where('recordId').equals(change.id).count();
            if (change.deleted) {
              if (local && pending === 0) await d.records.delete(change.id);
              break;
            }
            const data = change.data as AnyRecord;
            const version = change.version ?? local?.serverVersion ?? null;
            if (local && pending > 0) {
              await d.records.update(change.id, { serverVersion: version, serverRecord: data });
              // Patches waiting on an unacknowledged create are now based on this version.
              if (version !== null) await d.outbox.where('recordId').equals(change.id).filter((m) => m.op === 'patch' && m.baseVersion === 0 && m.state === 'pending').modify({ baseVersion: version });
              break;
            }
            const row: RecordRow = {
              id: change.id,
              type: data.type,
              agentId: local?.agentId ?? userId,
              villageId: typeof data['villageId'] === 'string' ? data['villageId'] : '',
              record: data,
              serverRecord: data,
              syncStatus: statusFromMeta(change.meta),
              serverVersion: version,
              baseVersion: version,
              finalisedAt: local?.finalisedAt ?? now,
              updatedAt: now,
              searchText: searchTextOf(data),
              ...(local?.supervisorComment !== undefined ? { supervisorComment: local.supervisorComment } : {}),
            };
            await d.records.put(row);
            break;
          }
          case 'task': {
            if (change.deleted) {
              await d.tasks.delete(change.id);
              break;
            }
            const recordId = change.data['recordId'];
            const rawComment = change.data['comment'] ?? change.data['message'];
            const comment = typeof rawComment === 'string' ? rawComment : '';
            if (typeof recordId !== 'string') { skip('task without recordId'); continue; }
            const resolved = change.data['status'] === 'done' || change.data['resolved'] === true;
            const createdAt = typeof change.data['createdAt'] === 'string' ? change.data['createdAt'] : now;
            await d.tasks.put({ id: change.id, recordId, userId, comment: comment, createdAt, resolved });
            if (!resolved) {
              const pending = await d.outbox.where('recordId').equals(recordId).count();
              if (pending === 0) await d.records.update(recordId, { syncStatus: 'returned', supervisorComment: comment });
              else await d.records.update(recordId, { supervisorComment: comment });
            }
            break;
          }
          case 'conflict': {
            const recordId = change.deleted ? undefined : change.data['recordId'];
            if (change.deleted) {
              // Resolved: the record's new content arrives as a record change too.
              const rows = await d.records.where('syncStatus').equals('conflict').toArray();
              for (const r of rows) if (r.id === change.id) await d.records.update(r.id, { syncStatus: 'synced' });
              break;
            }
            if (typeof recordId === 'string') {
              const resolved = change.data['status'] === 'resolved';
              await d.records.update(recordId, { syncStatus: resolved ? 'synced' : 'conflict' });
            }
            break;
          }
          default:
            skip('unknown entity');
            continue;
        }
        out.applied++;
      }
      await d.syncState.update(userId, { pullCursor: nextCursor, lastPullAt: now });
      return out;
    }),
  );
}
