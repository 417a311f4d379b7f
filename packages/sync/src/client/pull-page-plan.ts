import {
  beneficiaryHouseholdSchema,
  himoMicroprojectSchema,
  programSettingsSchema,
  villageSchema,
  type BeneficiaryHousehold,
  type HimoMicroproject,
  type ProgramSettings,
  type Village,
} from '@jigi/domain';
import type { PullChange } from '../messages/pull';
import { conflictReaderSchema, taskReaderSchema } from '../messages/pull-payloads';
import { rebase, replayPending } from './replay';
import { lostOnServer, restorePatch } from './restore-plan';
import type {
  ClientOutboxRow,
  ClientRecordRow,
  ClientTaskRow,
  LocalRecord,
  SyncStatus,
} from './rows';

// A pulled page, decided here and stored by the client with its cursor in one transaction (the
// tablet: apps/field/src/storage/sync-pull-apply.ts). The planner works on what the client read for
// the page and returns every write; the last change of an id wins, as it would row by row.

export interface PullPageResult {
  applied: number;
  /** Record ids this page carried (content or tombstone): a restore refetch uses them to find what the server lost. */
  seen: string[];
  /** Records whose pending local edit was kept and rebased on the incoming version. */
  rebased: number;
  skipped: { id: string; entity: string; reason: string }[];
}

/** The records a page touches (its records, and those its tasks and conflicts point at): what to read. */
export function pullPageRecordIds(changes: readonly PullChange[]): string[] {
  const ids = new Set<string>();
  for (const change of changes) {
    if (change.entity === 'record') ids.add(change.id);
    else if ((change.entity === 'task' || change.entity === 'conflict') && !change.deleted) {
      const recordId = change.data['recordId'];
      if (typeof recordId === 'string') ids.add(recordId);
    }
  }
  return [...ids];
}

export interface PullPageInput {
  userId: string;
  changes: readonly PullChange[];
  now: string;
  /** The refetch after a 410: an own record the server has at an older version is queued again. */
  restore?: boolean | undefined;
  /** The stored records among `pullPageRecordIds(changes)`. */
  records: ReadonlyMap<string, ClientRecordRow>;
  /** Their outbox rows (absent: none). */
  outboxOf: ReadonlyMap<string, readonly ClientOutboxRow[]>;
  /** Their open drafts. */
  draftOf: ReadonlyMap<string, { record: LocalRecord }>;
  /** The client's search words of a record (the tablet's list index); `() => ''` when it has none. */
  fold: (record: LocalRecord) => string;
}

/** Reference data a pull replaces whole; `null` removes the row. Keyed by the change's id. */
export interface ReferenceWrites {
  villages: Map<string, Village | null>;
  beneficiaryHouseholds: Map<string, BeneficiaryHousehold | null>;
  microprojects: Map<string, HimoMicroproject | null>;
  settings?: ProgramSettings;
}

export interface PullPagePlan {
  result: PullPageResult;
  putRecords: ClientRecordRow[];
  deleteRecords: string[];
  reference: ReferenceWrites;
  /** Tasks by id; `null` removes one. */
  tasks: Map<string, ClientTaskRow | null>;
  /** Open drafts rebased on the incoming version (only these fields change). */
  drafts: { id: string; record: LocalRecord; searchText: string }[];
  /** New outbox rows (a restore's re-queued difference). */
  addOutbox: ClientOutboxRow[];
  /** Pending rows whose base version the page raised. */
  putOutbox: ClientOutboxRow[];
}

function statusFromMeta(
  meta: Extract<PullChange, { deleted: false }>['meta'],
  conflictPaths: readonly string[],
): SyncStatus {
  if (conflictPaths.length > 0) return 'conflict';
  if (meta?.reviewState === 'returned') return 'returned';
  // A supervisor's review rejection is not a sync rejection (which the user corrects and resends).
  return 'synced';
}

const referenceSchemas = {
  village: villageSchema,
  beneficiary_household: beneficiaryHouseholdSchema,
  microproject: himoMicroprojectSchema,
} as const;

/**
 * What a page writes. An incoming record version never overwrites a pending local edit: the server
 * content moves underneath (`serverRecord`, `serverVersion`) and the local content becomes the new
 * server content with the pending changes replayed on top — a rebase, so the user also sees what
 * other devices changed in other fields. An open draft of the record is rebased the same way (its
 * edits since the record it was opened from, on the new content), so finalising it does not silently
 * undo another device's change. `pendingConflictPaths` in the record meta (or a conflict entity) keep
 * « en attente d'arbitrage » until the supervisor's resolution is pulled.
 */
export function planPullPage(input: PullPageInput): PullPagePlan {
  const { userId, now } = input;
  const result: PullPageResult = { applied: 0, seen: [], rebased: 0, skipped: [] };
  const records = new Map<string, ClientRecordRow | null>(input.records);
  const changed = new Set<string>();
  const outboxOf = new Map(input.outboxOf);
  const added: ClientOutboxRow[] = [];
  const raised = new Map<number, ClientOutboxRow>();
  const reference: ReferenceWrites = {
    villages: new Map(),
    beneficiaryHouseholds: new Map(),
    microprojects: new Map(),
  };
  const tasks = new Map<string, ClientTaskRow | null>();
  const drafts = new Map<string, { id: string; record: LocalRecord; searchText: string }>();

  const record = (id: string) => records.get(id) ?? undefined;
  const pendingOf = (id: string) => outboxOf.get(id) ?? [];
  const putRecord = (row: ClientRecordRow) => {
    records.set(row.id, row);
    changed.add(row.id);
  };
  // Like a store's `update`: nothing when the record is not there; an `undefined` value removes the field.
  const updateRecord = (id: string, changes: Partial<ClientRecordRow>) => {
    const row = record(id);
    if (!row) return;
    const next: Record<string, unknown> = { ...row };
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined) Reflect.deleteProperty(next, key);
      else next[key] = value;
    }
    putRecord(next as unknown as ClientRecordRow);
  };

  for (const change of input.changes) {
    const skip = (reason: string) =>
      result.skipped.push({ id: change.id, entity: change.entity, reason });
    switch (change.entity) {
      case 'village':
      case 'beneficiary_household':
      case 'microproject': {
        const table =
          change.entity === 'village'
            ? reference.villages
            : change.entity === 'beneficiary_household'
              ? reference.beneficiaryHouseholds
              : reference.microprojects;
        if (change.deleted) table.set(change.id, null);
        else {
          const parsed = referenceSchemas[change.entity].safeParse(change.data);
          if (!parsed.success) {
            skip(parsed.error.message);
            continue;
          }
          (table as Map<string, unknown>).set(change.id, parsed.data);
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
        reference.settings = s.data;
        break;
      }
      case 'record': {
        const local = record(change.id);
        const pending = pendingOf(change.id);
        result.seen.push(change.id);
        if (change.deleted) {
          // A pending edit of a deleted record stays: the server will refuse it (record_deleted)
          // and the user sees why, rather than losing what they typed without a word.
          if (pending.length === 0 && local) {
            records.set(change.id, null);
            changed.add(change.id);
          }
          break;
        }
        const data = change.data as LocalRecord;
        if (typeof data.id !== 'string' || typeof data.type !== 'string') {
          skip('record without id or type');
          continue;
        }
        const version = change.version ?? local?.serverVersion ?? null;
        const conflictPaths = change.meta?.pendingConflictPaths ?? [];
        if (
          input.restore === true &&
          local &&
          pending.length === 0 &&
          local.agentId === userId &&
          lostOnServer(local, version)
        ) {
          // Restored server: it is behind what it once acknowledged. Send the difference again as a
          // patch from the version it has now; the local content stays.
          const patch = restorePatch({ userId, local, data, version, now });
          if (patch) {
            added.push(patch);
            outboxOf.set(change.id, [patch]);
          }
          updateRecord(change.id, {
            serverRecord: data,
            serverVersion: version,
            baseVersion: version,
            syncStatus: patch ? 'finalised' : statusFromMeta(change.meta, conflictPaths),
            rejection: undefined,
            conflictPaths,
          });
          result.rebased++;
          break;
        }
        if (local && (pending.length > 0 || local.syncStatus === 'rejected')) {
          // Keep the local edit; move the server content underneath.
          const content =
            pending.length > 0
              ? replayPending(data, pending)
              : rebase(local.serverRecord ?? data, local.record, data);
          updateRecord(change.id, {
            record: content,
            serverRecord: data,
            serverVersion: version,
            conflictPaths,
            searchText: input.fold(content),
          });
          if (version !== null) {
            const rows = pending.map((m) => {
              if (m.state !== 'pending' || m.op === 'create' || m.baseVersion !== 0) return m;
              const up = { ...m, baseVersion: version };
              // A row of this page (a restore's patch) is still to be added, not put.
              const at = added.indexOf(m);
              if (at >= 0) added[at] = up;
              else if (m.seq !== undefined) raised.set(m.seq, up);
              return up;
            });
            outboxOf.set(change.id, rows);
          }
          result.rebased++;
          break;
        }
        const draft = local ? input.draftOf.get(change.id) : undefined;
        if (draft && local) {
          const rebased = rebase(local.record, draft.record, data);
          drafts.set(change.id, {
            id: change.id,
            record: rebased,
            searchText: input.fold(rebased),
          });
        }
        // The same server version is the same content: its words are already folded.
        const sameVersion =
          local !== undefined &&
          version !== null &&
          local.serverVersion === version &&
          local.searchText !== '';
        putRecord({
          id: change.id,
          type: data.type,
          agentId:
            local?.agentId ?? (typeof data['agentId'] === 'string' ? data['agentId'] : userId),
          villageId: typeof data['villageId'] === 'string' ? data['villageId'] : '',
          record: data,
          serverRecord: data,
          syncStatus: statusFromMeta(change.meta, conflictPaths),
          serverVersion: version,
          baseVersion: version,
          conflictPaths,
          finalisedAt: local?.finalisedAt ?? now,
          updatedAt: now,
          searchText: sameVersion ? local.searchText : input.fold(data),
          ...(local?.supervisorComment !== undefined
            ? { supervisorComment: local.supervisorComment }
            : {}),
        });
        break;
      }
      case 'task': {
        if (change.deleted) {
          tasks.set(change.id, null);
          break;
        }
        const task = taskReaderSchema.safeParse(change.data);
        if (!task.success) {
          skip('task without recordId');
          continue;
        }
        const { recordId } = task.data;
        const comment = task.data.comment ?? '';
        const resolved = task.data.status === 'done';
        tasks.set(change.id, {
          id: change.id,
          recordId,
          userId,
          comment,
          createdAt: task.data.createdAt ?? now,
          resolved,
        });
        if (!resolved) {
          if (pendingOf(recordId).length === 0)
            updateRecord(recordId, { syncStatus: 'returned', supervisorComment: comment });
          else updateRecord(recordId, { supervisorComment: comment });
        }
        break;
      }
      case 'conflict': {
        // The record change carries `pendingConflictPaths` and is the source of truth; a conflict
        // entity only speeds the display up (and clears it when the supervisor kept the server value,
        // which does not change the record).
        if (change.deleted) break;
        const conflict = conflictReaderSchema.safeParse(change.data);
        if (!conflict.success) {
          skip('conflict without recordId');
          continue;
        }
        const { recordId, path } = conflict.data;
        const rec = record(recordId);
        if (!rec) break;
        const open = conflict.data.status !== 'resolved';
        const paths = new Set(rec.conflictPaths ?? []);
        if (path !== undefined) {
          if (open) paths.add(path);
          else paths.delete(path);
        } else if (!open) paths.clear();
        const conflictPaths = [...paths];
        const busy = pendingOf(recordId).length > 0;
        updateRecord(recordId, {
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
    result.applied++;
  }

  const putRecords: ClientRecordRow[] = [];
  const deleteRecords: string[] = [];
  for (const id of changed) {
    const row = records.get(id);
    if (row) putRecords.push(row);
    else deleteRecords.push(id);
  }
  return {
    result,
    putRecords,
    deleteRecords,
    reference,
    tasks,
    drafts: [...drafts.values()],
    addOutbox: added,
    putOutbox: [...raised.values()],
  };
}
