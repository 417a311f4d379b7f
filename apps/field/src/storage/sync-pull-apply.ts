import { beneficiaryHouseholdSchema, himoMicroprojectSchema, programSettingsSchema, villageSchema } from '@jigi/domain';
import { applyChanges, diffRecords, type Json, type JsonObject, type PullChange } from '@jigi/sync';
import { db } from './db';
import { attempt, type StorageResult } from './errors';
import { searchTextOf } from './search-text';
import { syncRecords, type SyncRecordRow } from './sync-types';
import type { AnyRecord, OutboxRow, SyncStatus } from './types';

export interface PullPageResult {
  applied: number;
  /** Record ids this page carried (content or tombstone): a restore refetch uses them to find what the server lost. */
  seen: string[];
  /** Records whose pending local edit was kept and rebased on the incoming version. */
  rebased: number;
  skipped: { id: string; entity: string; reason: string }[];
}

type Meta = Extract<PullChange, { deleted: false }>['meta'];

function statusFromMeta(meta: Meta, conflictPaths: readonly string[]): SyncStatus {
  if (conflictPaths.length > 0) return 'conflict';
  if (meta?.reviewState === 'returned') return 'returned';
  // A supervisor's review rejection is not a sync rejection (which the user corrects and resends).
  return 'synced';
}

/**
 * The record with the tablet's unacknowledged changes replayed on top. An unacknowledged create is the
 * tablet's own content (the server has it only through a lost answer, and then has exactly it).
 */
function replayPending(server: AnyRecord, rows: readonly OutboxRow[]): AnyRecord {
  let content = server as JsonObject;
  for (const r of rows) {
    if (r.op === 'create' && r.record) content = r.record as JsonObject;
    else if (r.op === 'patch' && r.changes) content = applyChanges(content, r.changes as Record<string, Json>);
  }
  return content as AnyRecord;
}

/**
 * Applies one pulled page AND its cursor in one transaction (issue 5): a drop mid-page re-pulls the
 * same page, and a page is never half stored. An incoming record version never overwrites a pending
 * local edit: the server content moves underneath (`serverRecord`, `serverVersion`) and the local
 * content becomes the new server content with the pending changes replayed on top — a rebase, so the
 * tablet also shows what other tablets changed in other fields. An open draft of the record is rebased
 * the same way (its edits since the record it was opened from, on the new content), so finalising it
 * does not silently undo another tablet's change.
 */
export function applyPullPage(input: { userId: string; changes: readonly PullChange[]; nextCursor: string; now: string; restore?: boolean }): Promise<StorageResult<PullPageResult>> {
  const d = db();
  const records = syncRecords(d);
  const { userId, now } = input;
  return attempt(() =>
    d.transaction('rw', [d.villages, d.beneficiaryHouseholds, d.microprojects, d.settings, d.records, d.drafts, d.tasks, d.outbox, d.syncState], async () => {
      const out: PullPageResult = { applied: 0, seen: [], rebased: 0, skipped: [] };
      for (const change of input.changes) {
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
            const local = await records.get(change.id);
            const pending = await d.outbox.where('recordId').equals(change.id).sortBy('seq');
            out.seen.push(change.id);
            if (change.deleted) {
              // A pending edit of a deleted record stays: the server will refuse it (record_deleted)
              // and the user sees why, rather than losing what they typed without a word.
              if (pending.length === 0) await records.delete(change.id);
              break;
            }
            const data = change.data as AnyRecord;
            if (typeof data.id !== 'string' || typeof data.type !== 'string') { skip('record without id or type'); continue; }
            const version = change.version ?? local?.serverVersion ?? null;
            const conflictPaths = change.meta?.pendingConflictPaths ?? [];
            if (input.restore && local && pending.length === 0 && local.agentId === userId && lostOnServer(local, version)) {
              // Restored server (410): it is behind what it once acknowledged. Send the difference again
              // as a patch from the version it has now; the local content stays.
              const changes = diffRecords(data as JsonObject, local.record as JsonObject);
              if (Object.keys(changes).length > 0) {
                await d.outbox.add({ userId, recordId: change.id, recordType: data.type, op: 'patch', baseVersion: version ?? 0, changes, clientTime: now, state: 'pending' });
              }
              await records.update(change.id, { serverRecord: data, serverVersion: version, baseVersion: version, syncStatus: Object.keys(changes).length > 0 ? 'finalised' : statusFromMeta(change.meta, conflictPaths), rejection: undefined, conflictPaths });
              out.rebased++;
              break;
            }
            if (local && (pending.length > 0 || local.syncStatus === 'rejected')) {
              // Keep the local edit; move the server content underneath.
              const content =
                pending.length > 0
                  ? replayPending(data, pending)
                  : (applyChanges(data as JsonObject, diffRecords((local.serverRecord ?? data) as JsonObject, local.record as JsonObject)) as AnyRecord);
              await records.update(change.id, {
                record: content,
                serverRecord: data,
                serverVersion: version,
                conflictPaths,
                searchText: searchTextOf(content),
              });
              if (version !== null) {
                await d.outbox
                  .where('recordId')
                  .equals(change.id)
                  .filter((m) => m.state === 'pending' && m.op !== 'create' && m.baseVersion === 0)
                  .modify({ baseVersion: version });
              }
              out.rebased++;
              break;
            }
            const draft = local ? await d.drafts.get(change.id) : undefined;
            if (draft && local) {
              const edits = diffRecords(local.record as JsonObject, draft.record as JsonObject);
              const rebased = applyChanges(data as JsonObject, edits) as AnyRecord;
              await d.drafts.update(change.id, { record: rebased, searchText: searchTextOf(rebased) });
            }
            const row: SyncRecordRow = {
              id: change.id,
              type: data.type,
              agentId: local?.agentId ?? (typeof data['agentId'] === 'string' ? data['agentId'] : userId),
              villageId: typeof data['villageId'] === 'string' ? data['villageId'] : '',
              record: data,
              serverRecord: data,
              syncStatus: statusFromMeta(change.meta, conflictPaths),
              serverVersion: version,
              baseVersion: version,
              conflictPaths,
              finalisedAt: local?.finalisedAt ?? now,
              updatedAt: now,
              searchText: searchTextOf(data),
              ...(local?.supervisorComment !== undefined ? { supervisorComment: local.supervisorComment } : {}),
            };
            await records.put(row);
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
            await d.tasks.put({ id: change.id, recordId, userId, comment, createdAt, resolved });
            if (!resolved) {
              const pending = await d.outbox.where('recordId').equals(recordId).count();
              if (pending === 0) await records.update(recordId, { syncStatus: 'returned', supervisorComment: comment });
              else await records.update(recordId, { supervisorComment: comment });
            }
            break;
          }
          case 'conflict': {
            // The record change carries `pendingConflictPaths` and is the source of truth; a conflict
            // entity only speeds the display up (and clears it when the supervisor kept the server value,
            // which does not change the record).
            if (change.deleted) break;
            const recordId = change.data['recordId'];
            if (typeof recordId !== 'string') { skip('conflict without recordId'); continue; }
            const rec = await records.get(recordId);
            if (!rec) break;
            const path = typeof change.data['path'] === 'string' ? change.data['path'] : undefined;
            const open = change.data['status'] !== 'resolved';
            const paths = new Set(rec.conflictPaths ?? []);
            if (path !== undefined) {
              if (open) paths.add(path);
              else paths.delete(path);
            } else if (!open) paths.clear();
            const conflictPaths = [...paths];
            const busy = (await d.outbox.where('recordId').equals(recordId).count()) > 0;
            await records.update(recordId, {
              conflictPaths,
              ...(busy ? {} : { syncStatus: conflictPaths.length > 0 || (open && path === undefined) ? 'conflict' : rec.syncStatus === 'conflict' ? 'synced' : rec.syncStatus }),
            });
            break;
          }
          default:
            skip('unknown entity');
            continue;
        }
        out.applied++;
      }
      await d.syncState.update(userId, { pullCursor: input.nextCursor, lastPullAt: now });
      return out;
    }),
  );
}

/** Rejections that a restored server causes (it never issued the base version, or lost the record). */
const restoreRejections = new Set(['invalid_base_version', 'unknown_record']);

function lostOnServer(local: SyncRecordRow, version: number | null): boolean {
  if (local.syncStatus === 'rejected') return restoreRejections.has(local.rejection?.code ?? '');
  return (local.serverVersion ?? 0) > (version ?? 0);
}

/**
 * After a restore refetch: the user's records the server once acknowledged but no longer has at all
 * (not in the refetch) are created again. Records refused by the restored server for the same reason
 * go too. Their content is the tablet's; nothing typed is lost.
 */
export function requeueLost(input: { userId: string; seen: ReadonlySet<string>; now: string }): Promise<StorageResult<number>> {
  const d = db();
  const records = syncRecords(d);
  return attempt(() =>
    d.transaction('rw', [d.records, d.outbox], async () => {
      const own = await records.where('agentId').equals(input.userId).toArray();
      let count = 0;
      for (const row of own) {
        if (input.seen.has(row.id)) continue;
        const acknowledged = row.serverVersion !== null && (row.syncStatus === 'synced' || row.syncStatus === 'conflict' || row.syncStatus === 'returned');
        const refused = row.syncStatus === 'rejected' && restoreRejections.has(row.rejection?.code ?? '');
        if (!acknowledged && !refused) continue;
        if ((await d.outbox.where('recordId').equals(row.id).count()) > 0) continue;
        await d.outbox.add({ userId: input.userId, recordId: row.id, recordType: row.type, op: 'create', baseVersion: 0, record: row.record, clientTime: input.now, state: 'pending' });
        await records
          .where('id')
          .equals(row.id)
          .modify((r) => {
            Reflect.deleteProperty(r, 'serverRecord');
            Reflect.deleteProperty(r, 'rejection');
            Object.assign(r, { serverVersion: null, baseVersion: null, syncStatus: 'finalised' });
          });
        count++;
      }
      return count;
    }),
  );
}

/** Forgets the pull cursor (410: the server was restored), keeping the outbox and every record. */
export function resetPullCursor(userId: string): Promise<StorageResult<void>> {
  return attempt(async () => {
    await db().syncState.update(userId, { pullCursor: null });
  });
}
