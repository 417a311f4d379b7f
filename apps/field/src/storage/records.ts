import { diffRecords, type JsonObject } from '@jigi/sync';
import { db } from './db';
import { attempt, type StorageResult } from './errors';
import { addMutation } from './outbox';
import { searchTextOf } from './search-text';
import type { RecordRejection } from './sync-types';
import type { AnyRecord, DraftRow, FormPosition, RecordRow, SyncStatus } from './types';

/** A record can be changed on the tablet until the server has it, and again when it comes back. */
export function isEditable(status: SyncStatus): boolean {
  return status === 'finalised' || status === 'returned' || status === 'rejected';
}

export type FinaliseOutcome = { op: 'create' | 'patch' | 'unchanged' };

/**
 * Finalises a draft: writes the record AND its outbox mutation in one transaction (docs/architecture.md §4),
 * then drops the draft. First finalise → `create`; later edits → `patch` of the fields that changed
 * since the last finalised (or synced) content, based on the server version it was edited from.
 * The caller has validated the record with the domain rules.
 */
export function finaliseRecord(input: {
  record: AnyRecord;
  agentId: string;
  now: string;
}): Promise<StorageResult<FinaliseOutcome>> {
  const { record, agentId, now } = input;
  const d = db();
  return attempt(() =>
    d.transaction(
      'rw',
      [d.records, d.outbox, d.drafts, d.tasks],
      async (): Promise<FinaliseOutcome> => {
        const existing = await d.records.get(record.id);
        const villageId = typeof record['villageId'] === 'string' ? record['villageId'] : '';
        // A rejected change never reached the server: diff from what the server last accepted, or
        // create again if it never accepted this record at all.
        const base = existing?.syncStatus === 'rejected' ? existing.serverRecord : existing?.record;
        let op: FinaliseOutcome['op'];
        if (!base) {
          await addMutation({
            userId: agentId,
            recordId: record.id,
            recordType: record.type,
            op: 'create',
            baseVersion: 0,
            record,
            clientTime: now,
          });
          op = 'create';
        } else {
          const changes = diffRecords(base as JsonObject, record as JsonObject);
          if (Object.keys(changes).length === 0) {
            op = 'unchanged';
          } else {
            await addMutation({
              userId: agentId,
              recordId: record.id,
              recordType: record.type,
              op: 'patch',
              baseVersion: existing?.serverVersion ?? 0,
              changes,
              clientTime: now,
            });
            op = 'patch';
          }
        }
        const row: RecordRow = {
          id: record.id,
          type: record.type,
          agentId,
          villageId,
          record,
          syncStatus: op === 'unchanged' && existing ? existing.syncStatus : 'finalised',
          serverVersion: existing?.serverVersion ?? null,
          baseVersion: existing?.serverVersion ?? null,
          finalisedAt: now,
          updatedAt: now,
          searchText: searchTextOf(record),
          ...(existing?.supervisorComment !== undefined
            ? { supervisorComment: existing.supervisorComment }
            : {}),
          ...(existing?.serverRecord ? { serverRecord: existing.serverRecord } : {}),
        };
        await d.records.put(row);
        await d.drafts.delete(record.id);
        if (op !== 'unchanged')
          await d.tasks.where('recordId').equals(record.id).modify({ resolved: true });
        return { op };
      },
    ),
  );
}

/**
 * Opens a finalised record for editing: its draft (existing one, or a new copy of the record).
 * Refused (`undefined`) when the record is awaiting arbitration, or synced unless `evenIfSynced`.
 */
export function startEdit(input: {
  recordId: string;
  agentId: string;
  now: string;
  firstSection: string;
  evenIfSynced?: boolean;
}): Promise<StorageResult<DraftRow | undefined>> {
  const d = db();
  return attempt(() =>
    d.transaction('rw', d.drafts, d.records, async () => {
      const draft = await d.drafts.get(input.recordId);
      if (draft) return draft;
      const row = await d.records.get(input.recordId);
      // A synced record is shown read-only first; the user may still open a new version of it on
      // purpose (a field correction): the server merges it field by field. Never while in arbitration.
      if (!row || row.syncStatus === 'conflict') return undefined;
      if (
        !isEditable(row.syncStatus) &&
        !(input.evenIfSynced === true && row.syncStatus === 'synced')
      )
        return undefined;
      const position: FormPosition = { section: input.firstSection };
      const created: DraftRow = {
        id: row.id,
        type: row.type,
        agentId: input.agentId,
        villageId: row.villageId,
        record: row.record,
        position,
        editsFinalised: true,
        createdAt: input.now,
        updatedAt: input.now,
        searchText: row.searchText,
      };
      await d.drafts.put(created);
      return created;
    }),
  );
}

export function getRecord(id: string): Promise<StorageResult<RecordRow | undefined>> {
  return attempt(() => db().records.get(id));
}

/** Records of one type by one user (e.g. the HIMO workers of a project are read from here). */
export function recordsOf(agentId: string, type: string): Promise<RecordRow[]> {
  return db().records.where('[agentId+type]').equals([agentId, type]).toArray();
}

export type WorkStatus = 'draft' | SyncStatus;

/** One line of a workflow list: a draft, a record, or a record with an edit in progress. */
export interface WorkItem {
  id: string;
  type: string;
  villageId: string;
  status: WorkStatus;
  /** For a draft that edits a finalised record: that record's own status. */
  recordStatus?: SyncStatus;
  record: AnyRecord;
  updatedAt: string;
  searchText: string;
  supervisorComment?: string;
  rejection?: RecordRejection;
  /** Fields waiting for the supervisor's arbitration (status `conflict`). */
  conflictPaths?: string[];
}

/** Drafts and records of a user for one workflow, most recent first. */
export async function workItems(agentId: string, types: readonly string[]): Promise<WorkItem[]> {
  const d = db();
  const out = new Map<string, WorkItem>();
  for (const type of types) {
    const [records, drafts] = await Promise.all([
      d.records.where('[agentId+type]').equals([agentId, type]).toArray(),
      d.drafts.where('[agentId+type]').equals([agentId, type]).toArray(),
    ]);
    for (const r of records) {
      out.set(r.id, {
        id: r.id,
        type: r.type,
        villageId: r.villageId,
        status: r.syncStatus,
        record: r.record,
        updatedAt: r.updatedAt,
        searchText: r.searchText || searchTextOf(r.record),
        ...(r.supervisorComment !== undefined ? { supervisorComment: r.supervisorComment } : {}),
        ...(r.rejection ? { rejection: r.rejection } : {}),
        ...(r.conflictPaths && r.conflictPaths.length > 0
          ? { conflictPaths: r.conflictPaths }
          : {}),
      });
    }
    for (const dr of drafts) {
      const base = out.get(dr.id);
      out.set(dr.id, {
        ...(base ?? {}),
        id: dr.id,
        type: dr.type,
        villageId: dr.villageId,
        status: 'draft',
        record: dr.record,
        updatedAt: dr.updatedAt,
        searchText: dr.searchText || searchTextOf(dr.record),
        ...(base ? { recordStatus: base.status as SyncStatus } : {}),
      });
    }
  }
  return [...out.values()].sort((a, b) =>
    a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0,
  );
}
