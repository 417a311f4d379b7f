import {
  beneficiaryHouseholdSchema,
  himoMicroprojectSchema,
  programSettingsSchema,
  villageSchema,
} from '@jigi/domain';
import { applyChanges, diffRecords, type Json, type JsonObject, type PullChange } from '@jigi/sync';
import { db, type JigiDb } from './db';
import { attempt, type StorageResult } from './errors';
import { searchTextOf } from './search-text';
import { syncRecords, type SyncRecordRow } from './sync-types';
import type { AnyRecord, DraftRow, OutboxRow, SyncStatus } from './types';

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
    else if (r.op === 'patch' && r.changes)
      content = applyChanges(content, r.changes as Record<string, Json>);
  }
  return content as AnyRecord;
}

/** Reference data a pull replaces whole: the entity, its table, and the schema each row must pass. */
const referenceData = {
  village: { table: 'villages', schema: villageSchema },
  beneficiary_household: { table: 'beneficiaryHouseholds', schema: beneficiaryHouseholdSchema },
  microproject: { table: 'microprojects', schema: himoMicroprojectSchema },
} as const;

/**
 * What a page writes, kept in memory and written once at its end with bulk operations: the page's
 * records, their outbox rows and drafts are read in three bulk reads, and every change of the page
 * reads and writes through these maps (a page may carry a record and then its conflict or task).
 * A `null` value is a deletion; the last change of an id wins, as it would row by row.
 */
class PageWrites {
  readonly records = new Map<string, SyncRecordRow | null>();
  readonly reference = new Map<string, Map<string, unknown>>();
  private readonly changedRecords = new Set<string>();

  constructor(
    loaded: readonly (SyncRecordRow | undefined)[],
    ids: readonly string[],
    readonly outboxOf: Map<string, OutboxRow[]>,
    readonly draftOf: Map<string, DraftRow>,
  ) {
    ids.forEach((id, i) => this.records.set(id, loaded[i] ?? null));
  }

  record(id: string): SyncRecordRow | undefined {
    return this.records.get(id) ?? undefined;
  }

  /** Like Dexie's `update`: nothing when the record is not there; an `undefined` value removes the field. */
  updateRecord(id: string, changes: Partial<SyncRecordRow>): void {
    const row = this.record(id);
    if (!row) return;
    const next: Record<string, unknown> = { ...row };
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) Reflect.deleteProperty(next, key);
      else next[key] = value;
    }
    this.putRecord(next as unknown as SyncRecordRow);
  }

  putRecord(row: SyncRecordRow): void {
    this.records.set(row.id, row);
    this.changedRecords.add(row.id);
  }

  deleteRecord(id: string): void {
    this.records.set(id, null);
    this.changedRecords.add(id);
  }

  pendingOf(id: string): OutboxRow[] {
    return this.outboxOf.get(id) ?? [];
  }

  putReference(table: string, id: string, value: unknown): void {
    const rows = this.reference.get(table) ?? new Map<string, unknown>();
    rows.set(id, value);
    this.reference.set(table, rows);
  }

  async flush(d: JigiDb): Promise<void> {
    const puts: SyncRecordRow[] = [];
    const deletes: string[] = [];
    for (const id of this.changedRecords) {
      const row = this.records.get(id);
      if (row) puts.push(row);
      else deletes.push(id);
    }
    if (deletes.length > 0) await syncRecords(d).bulkDelete(deletes);
    if (puts.length > 0) await syncRecords(d).bulkPut(puts);
    for (const [table, rows] of this.reference) {
      const gone = [...rows].flatMap(([id, v]) => (v === null ? [id] : []));
      const kept = [...rows.values()].filter((v) => v !== null);
      if (gone.length > 0) await d.table(table).bulkDelete(gone);
      if (kept.length > 0) await d.table(table).bulkPut(kept);
    }
  }
}

/** The records a page touches (its records, and those its tasks and conflicts point at), read in bulk. */
async function readPage(d: JigiDb, changes: readonly PullChange[]): Promise<PageWrites> {
  const ids = new Set<string>();
  for (const change of changes) {
    if (change.entity === 'record') ids.add(change.id);
    else if (
      (change.entity === 'task' || change.entity === 'conflict') &&
      !change.deleted &&
      typeof change.data['recordId'] === 'string'
    )
      ids.add(change.data['recordId']);
  }
  const list = [...ids];
  const loaded = await syncRecords(d).bulkGet(list);
  const outboxOf = new Map<string, OutboxRow[]>();
  // An empty outbox (a fresh tablet, or one that has just pushed everything) needs no per-record look.
  if ((await d.outbox.count()) > 0) {
    const rows = await Promise.all(
      list.map((id) => d.outbox.where('recordId').equals(id).toArray()),
    );
    list.forEach((id, i) => {
      const own = rows[i] ?? [];
      if (own.length > 0) outboxOf.set(id, own);
    });
  }
  const withLocal = list.filter((_, i) => loaded[i] !== undefined);
  const drafts = withLocal.length > 0 ? await d.drafts.bulkGet(withLocal) : [];
  const draftOf = new Map<string, DraftRow>();
  for (const draft of drafts) if (draft) draftOf.set(draft.id, draft);
  return new PageWrites(loaded, list, outboxOf, draftOf);
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
export function applyPullPage(input: {
  userId: string;
  changes: readonly PullChange[];
  nextCursor: string;
  now: string;
  restore?: boolean;
}): Promise<StorageResult<PullPageResult>> {
  const d = db();
  const { userId, now } = input;
  return attempt(() =>
    d.transaction(
      'rw',
      [
        d.villages,
        d.beneficiaryHouseholds,
        d.microprojects,
        d.settings,
        d.records,
        d.drafts,
        d.tasks,
        d.outbox,
        d.syncState,
      ],
      async () => {
        const out: PullPageResult = { applied: 0, seen: [], rebased: 0, skipped: [] };
        const page = await readPage(d, input.changes);
        for (const change of input.changes) {
          const skip = (reason: string) =>
            out.skipped.push({ id: change.id, entity: change.entity, reason });
          switch (change.entity) {
            case 'village':
            case 'beneficiary_household':
            case 'microproject': {
              const { table, schema } = referenceData[change.entity];
              if (change.deleted) page.putReference(table, change.id, null);
              else {
                const parsed = schema.safeParse(change.data);
                if (!parsed.success) {
                  skip(parsed.error.message);
                  continue;
                }
                page.putReference(table, change.id, parsed.data);
              }
              break;
            }
            case 'settings': {
              if (change.deleted) continue;
              const s = programSettingsSchema.safeParse(change.data);
              if (!s.success) {
                skip(s.error.message);
                continue;
              }
              page.putReference('settings', 'program', { id: 'program', ...s.data });
              break;
            }
            case 'record': {
              const local = page.record(change.id);
              const pending = page.pendingOf(change.id);
              out.seen.push(change.id);
              if (change.deleted) {
                // A pending edit of a deleted record stays: the server will refuse it (record_deleted)
                // and the user sees why, rather than losing what they typed without a word.
                if (pending.length === 0 && local) page.deleteRecord(change.id);
                break;
              }
              const data = change.data as AnyRecord;
              if (typeof data.id !== 'string' || typeof data.type !== 'string') {
                skip('record without id or type');
                continue;
              }
              const version = change.version ?? local?.serverVersion ?? null;
              const conflictPaths = change.meta?.pendingConflictPaths ?? [];
              if (
                input.restore &&
                local &&
                pending.length === 0 &&
                local.agentId === userId &&
                lostOnServer(local, version)
              ) {
                // Restored server (410): it is behind what it once acknowledged. Send the difference again
                // as a patch from the version it has now; the local content stays.
                const changes = diffRecords(data as JsonObject, local.record as JsonObject);
                if (Object.keys(changes).length > 0) {
                  const row: OutboxRow = {
                    userId,
                    recordId: change.id,
                    recordType: data.type,
                    op: 'patch',
                    baseVersion: version ?? 0,
                    changes,
                    clientTime: now,
                    state: 'pending',
                  };
                  await d.outbox.add(row);
                  page.outboxOf.set(change.id, [row]);
                }
                page.updateRecord(change.id, {
                  serverRecord: data,
                  serverVersion: version,
                  baseVersion: version,
                  syncStatus:
                    Object.keys(changes).length > 0
                      ? 'finalised'
                      : statusFromMeta(change.meta, conflictPaths),
                  rejection: undefined,
                  conflictPaths,
                });
                out.rebased++;
                break;
              }
              if (local && (pending.length > 0 || local.syncStatus === 'rejected')) {
                // Keep the local edit; move the server content underneath.
                const content =
                  pending.length > 0
                    ? replayPending(data, pending)
                    : (applyChanges(
                        data as JsonObject,
                        diffRecords(
                          (local.serverRecord ?? data) as JsonObject,
                          local.record as JsonObject,
                        ),
                      ) as AnyRecord);
                page.updateRecord(change.id, {
                  record: content,
                  serverRecord: data,
                  serverVersion: version,
                  conflictPaths,
                  searchText: searchTextOf(content),
                });
                if (version !== null) {
                  const waiting = pending.filter(
                    (m) => m.state === 'pending' && m.op !== 'create' && m.baseVersion === 0,
                  );
                  for (const m of waiting) m.baseVersion = version;
                  if (waiting.length > 0) await d.outbox.bulkPut(waiting);
                }
                out.rebased++;
                break;
              }
              const draft = local ? page.draftOf.get(change.id) : undefined;
              if (draft && local) {
                const edits = diffRecords(local.record as JsonObject, draft.record as JsonObject);
                const rebased = applyChanges(data as JsonObject, edits) as AnyRecord;
                await d.drafts.update(change.id, {
                  record: rebased,
                  searchText: searchTextOf(rebased),
                });
              }
              // The same server version is the same content: its words are already folded.
              const sameVersion =
                local !== undefined &&
                version !== null &&
                local.serverVersion === version &&
                local.searchText !== '';
              page.putRecord({
                id: change.id,
                type: data.type,
                agentId:
                  local?.agentId ??
                  (typeof data['agentId'] === 'string' ? data['agentId'] : userId),
                villageId: typeof data['villageId'] === 'string' ? data['villageId'] : '',
                record: data,
                serverRecord: data,
                syncStatus: statusFromMeta(change.meta, conflictPaths),
                serverVersion: version,
                baseVersion: version,
                conflictPaths,
                finalisedAt: local?.finalisedAt ?? now,
                updatedAt: now,
                searchText: sameVersion ? local.searchText : searchTextOf(data),
                ...(local?.supervisorComment !== undefined
                  ? { supervisorComment: local.supervisorComment }
                  : {}),
              });
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
              if (typeof recordId !== 'string') {
                skip('task without recordId');
                continue;
              }
              const resolved = change.data['status'] === 'done' || change.data['resolved'] === true;
              const createdAt =
                typeof change.data['createdAt'] === 'string' ? change.data['createdAt'] : now;
              await d.tasks.put({ id: change.id, recordId, userId, comment, createdAt, resolved });
              if (!resolved) {
                if (page.pendingOf(recordId).length === 0)
                  page.updateRecord(recordId, {
                    syncStatus: 'returned',
                    supervisorComment: comment,
                  });
                else page.updateRecord(recordId, { supervisorComment: comment });
              }
              break;
            }
            case 'conflict': {
              // The record change carries `pendingConflictPaths` and is the source of truth; a conflict
              // entity only speeds the display up (and clears it when the supervisor kept the server value,
              // which does not change the record).
              if (change.deleted) break;
              const recordId = change.data['recordId'];
              if (typeof recordId !== 'string') {
                skip('conflict without recordId');
                continue;
              }
              const rec = page.record(recordId);
              if (!rec) break;
              const path =
                typeof change.data['path'] === 'string' ? change.data['path'] : undefined;
              const open = change.data['status'] !== 'resolved';
              const paths = new Set(rec.conflictPaths ?? []);
              if (path !== undefined) {
                if (open) paths.add(path);
                else paths.delete(path);
              } else if (!open) paths.clear();
              const conflictPaths = [...paths];
              const busy = page.pendingOf(recordId).length > 0;
              page.updateRecord(recordId, {
                conflictPaths,
                ...(busy
                  ? {}
                  : {
                      syncStatus:
                        conflictPaths.length > 0 || (open && path === undefined)
                          ? 'conflict'
                          : rec.syncStatus === 'conflict'
                            ? 'synced'
                            : rec.syncStatus,
                    }),
              });
              break;
            }
            default:
              skip('unknown entity');
              continue;
          }
          out.applied++;
        }
        await page.flush(d);
        await d.syncState.update(userId, { pullCursor: input.nextCursor, lastPullAt: now });
        return out;
      },
    ),
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
export function requeueLost(input: {
  userId: string;
  seen: ReadonlySet<string>;
  now: string;
}): Promise<StorageResult<number>> {
  const d = db();
  const records = syncRecords(d);
  return attempt(() =>
    d.transaction('rw', [d.records, d.outbox], async () => {
      const own = await records.where('agentId').equals(input.userId).toArray();
      let count = 0;
      for (const row of own) {
        if (input.seen.has(row.id)) continue;
        const acknowledged =
          row.serverVersion !== null &&
          (row.syncStatus === 'synced' ||
            row.syncStatus === 'conflict' ||
            row.syncStatus === 'returned');
        const refused =
          row.syncStatus === 'rejected' && restoreRejections.has(row.rejection?.code ?? '');
        if (!acknowledged && !refused) continue;
        if ((await d.outbox.where('recordId').equals(row.id).count()) > 0) continue;
        await d.outbox.add({
          userId: input.userId,
          recordId: row.id,
          recordType: row.type,
          op: 'create',
          baseVersion: 0,
          record: row.record,
          clientTime: input.now,
          state: 'pending',
        });
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
