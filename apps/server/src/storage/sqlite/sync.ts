import type Database from 'better-sqlite3';
import type { JsonObject, MutationResult } from '@jigi/sync';
import type { ChangeRow, DeviceRow, PullRow, RecordVersionRow, ReviewStatus } from '../rows';
import { jsonFieldName, type SyncPort } from '../store';
import { readJson, toRecord, type RecordDb } from '../row-mappers';
import { writeJson } from './json';
import type { Synchronous } from './synchronous';
import { batchesStore } from './batches';

type ChangeDb = {
  seq: number;
  entity: ChangeRow['entity'];
  entity_id: string;
  village_id: string | null;
  record_type: string | null;
  audience_user_id: string | null;
};
type PullDb = ChangeDb & {
  r_version: number | null;
  r_data: string | null;
  r_deleted: number | null;
  r_review_status: ReviewStatus | null;
  r_updated_at: string | null;
  r_open_paths: string | null;
};

const toChange = (r: ChangeDb): ChangeRow => ({
  seq: r.seq,
  entity: r.entity,
  entityId: r.entity_id,
  villageId: r.village_id,
  recordType: r.record_type,
  audienceUserId: r.audience_user_id,
});
const toPullRow = (r: PullDb): PullRow => ({
  ...toChange(r),
  record:
    r.r_version === null || r.r_data === null
      ? undefined
      : {
          version: r.r_version,
          data: readJson<JsonObject>(r.r_data),
          deleted: r.r_deleted === 1,
          reviewStatus: r.r_review_status ?? 'received',
          updatedAt: r.r_updated_at ?? '',
          openConflictPaths: readJson<string[] | null>(r.r_open_paths) ?? [],
        },
});

/** `(all = 1 OR column IN list)` with its two parameters: the village scope of a query. */
function villageScope(
  column: string,
  villageIds: readonly string[] | 'all' | undefined,
): { sql: string; params: unknown[] } {
  if (villageIds === undefined || villageIds === 'all') return { sql: '1 = 1', params: [] };
  return { sql: `${column} IN (SELECT value FROM json_each(?))`, params: [writeJson(villageIds)] };
}

export function syncStore(db: Database.Database): Synchronous<SyncPort> {
  type DeviceDb = {
    id: string;
    user_id: string;
    label: string;
    created_at: string;
    revoked_at: string | null;
    last_mutation_id: number;
    last_seen_at: string | null;
    reported_unsynced: number | null;
  };
  return {
    // One writer at a time (the store's queue and BEGIN IMMEDIATE): reading the device is holding it.
    lockDevice(id) {
      const r = db
        .prepare<[string], DeviceDb>(
          'SELECT id, user_id, label, created_at, revoked_at, last_mutation_id, last_seen_at, reported_unsynced FROM devices WHERE id = ?',
        )
        .get(id);
      return r === undefined
        ? undefined
        : ({
            id: r.id,
            userId: r.user_id,
            label: r.label,
            createdAt: r.created_at,
            revokedAt: r.revoked_at,
            lastMutationId: r.last_mutation_id,
            lastSeenAt: r.last_seen_at,
            reportedUnsynced: r.reported_unsynced,
          } satisfies DeviceRow);
    },
    setLastMutationId(deviceId, id) {
      db.prepare('UPDATE devices SET last_mutation_id = ? WHERE id = ?').run(id, deviceId);
    },
    recordById(id) {
      const r = db.prepare<[string], RecordDb>('SELECT * FROM records WHERE id = ?').get(id);
      return r === undefined ? undefined : toRecord(r);
    },
    recordVillageId(id) {
      return db
        .prepare<[string], { village_id: string }>('SELECT village_id FROM records WHERE id = ?')
        .get(id)?.village_id;
    },
    saveRecord(r) {
      db.prepare(
        `INSERT INTO records (id, type, village_id, version, data, field_versions, deleted, review_status, warnings, created_by, device_id, created_at, updated_at)
        VALUES (@id, @type, @villageId, @version, @data, @fieldVersions, @deleted, @reviewStatus, @warnings, @createdBy, @deviceId, @createdAt, @updatedAt)
        ON CONFLICT (id) DO UPDATE SET village_id = excluded.village_id, version = excluded.version, data = excluded.data,
        field_versions = excluded.field_versions, deleted = excluded.deleted, review_status = excluded.review_status,
        warnings = excluded.warnings, updated_at = excluded.updated_at`,
      ).run({
        ...r,
        data: writeJson(r.data),
        fieldVersions: writeJson(r.fieldVersions),
        deleted: r.deleted ? 1 : 0,
        warnings: writeJson(r.warnings),
      });
    },
    insertRecordVersion(v) {
      db.prepare(
        `INSERT INTO record_versions (record_id, version, op, changes, overwritten, actor, user_id, device_id, mutation_id, server_time, client_time)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        v.recordId,
        v.version,
        v.op,
        writeJson(v.changes),
        writeJson(v.overwritten),
        v.actor,
        v.userId,
        v.deviceId,
        v.mutationId,
        v.serverTime,
        v.clientTime,
      );
    },
    recordVersions(id) {
      type Db = {
        record_id: string;
        version: number;
        op: string;
        changes: string;
        overwritten: string;
        actor: string;
        user_id: string | null;
        device_id: string | null;
        mutation_id: number | null;
        server_time: string;
        client_time: string | null;
      };
      return db
        .prepare<[string], Db>('SELECT * FROM record_versions WHERE record_id = ? ORDER BY version')
        .all(id)
        .map((v): RecordVersionRow => ({
          recordId: v.record_id,
          version: v.version,
          op: v.op,
          changes: readJson(v.changes),
          overwritten: readJson(v.overwritten),
          actor: v.actor,
          userId: v.user_id,
          deviceId: v.device_id,
          mutationId: v.mutation_id,
          serverTime: v.server_time,
          clientTime: v.client_time,
        }));
    },
    recordsPage(f, afterId, limit) {
      const scope = villageScope('village_id', f.villageIds);
      const where = ['type = ?', scope.sql, 'id > ?'];
      const params: unknown[] = [f.type, ...scope.params, afterId];
      if (f.includeDeleted !== true) where.push('deleted = 0');
      if (f.status !== undefined) {
        where.push('review_status = ?');
        params.push(f.status);
      }
      if (f.from !== undefined) {
        where.push('created_at >= ?');
        params.push(f.from);
      }
      if (f.to !== undefined) {
        where.push('created_at < ?');
        params.push(f.to);
      }
      return db
        .prepare<unknown[], RecordDb>(
          `SELECT * FROM records WHERE ${where.join(' AND ')} ORDER BY id LIMIT ?`,
        )
        .all(...params, limit)
        .map(toRecord);
    },
    recordsWhere(q) {
      const scope = villageScope('village_id', q.villageIds);
      const where = ['type = ?', 'deleted = 0', scope.sql];
      const params: unknown[] = [q.type, ...scope.params];
      if (q.field !== undefined) {
        where.push(`json_extract(data, '$.${jsonFieldName(q.field)}') = ?`);
        params.push(q.value ?? null);
      }
      return db
        .prepare<unknown[], RecordDb>(
          `SELECT * FROM records WHERE ${where.join(' AND ')} ORDER BY village_id, id`,
        )
        .all(...params)
        .map(toRecord);
    },
    logChange(c) {
      db.prepare('DELETE FROM changes WHERE entity = ? AND entity_id = ?').run(
        c.entity,
        c.entityId,
      );
      db.prepare(
        'INSERT INTO changes (entity, entity_id, village_id, record_type, audience_user_id, echo_device_id) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(
        c.entity,
        c.entityId,
        c.villageId,
        c.recordType,
        c.audienceUserId,
        c.echoDeviceId ?? null,
      );
    },
    lastSeq() {
      // sqlite_sequence keeps the highest seq ever given, even when that row was replaced since.
      const r = db
        .prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'changes'")
        .get();
      return r?.seq ?? 0;
    },
    changesAfter(afterSeq, limit, scope) {
      const all = scope.villageIds === 'all' ? 1 : 0;
      const villages = writeJson(scope.villageIds === 'all' ? [] : scope.villageIds);
      // A device's own applied write is left out, unless the record has open conflicts: their paths
      // travel in the record's meta, which the push answer did not carry. `+c.entity` keeps SQLite
      // from answering the OR with the (entity, entity_id) index, which reads every change of those
      // entities and sorts them for each page (pull grew with the whole log); walking the primary
      // key from the cursor stops as soon as the page is full.
      return db
        .prepare<unknown[], PullDb>(
          `
        WITH scope(village_id) AS (SELECT value FROM json_each(@villages))
        SELECT c.seq, c.entity, c.entity_id, c.village_id, c.record_type, c.audience_user_id,
          r.version AS r_version, r.data AS r_data, r.deleted AS r_deleted, r.review_status AS r_review_status, r.updated_at AS r_updated_at,
          CASE WHEN r.id IS NOT NULL THEN (SELECT json_group_array(path) FROM (SELECT DISTINCT path FROM conflicts k WHERE k.record_id = r.id AND k.status = 'open' ORDER BY path)) END AS r_open_paths
        FROM changes c LEFT JOIN records r ON c.entity = 'record' AND r.id = c.entity_id
        WHERE c.seq > @after AND (
          +c.entity = 'settings'
          OR (+c.entity IN ('village', 'beneficiary_household') AND (@all = 1 OR c.village_id IN scope))
          OR (+c.entity = 'microproject' AND (@all = 1 OR EXISTS (SELECT 1 FROM microproject_villages mv WHERE mv.microproject_id = c.entity_id AND mv.village_id IN scope)))
          OR (+c.entity IN ('record', 'conflict') AND (@all = 1 OR c.village_id IN scope) AND c.record_type IN (SELECT value FROM json_each(@types)))
          OR (+c.entity = 'task' AND c.audience_user_id = @user)
        ) AND (
          @echo IS NULL OR c.echo_device_id IS NULL OR c.echo_device_id <> @echo
          OR EXISTS (SELECT 1 FROM conflicts k WHERE k.record_id = c.entity_id AND k.status = 'open')
        ) ORDER BY c.seq LIMIT @limit`,
        )
        .all({
          villages,
          all,
          after: afterSeq,
          types: writeJson(scope.recordTypes),
          user: scope.userId,
          echo: scope.skipEchoesOf ?? null,
          limit,
        })
        .map(toPullRow);
    },
    forgetEchoes(deviceId) {
      db.prepare('UPDATE changes SET echo_device_id = NULL WHERE echo_device_id = ?').run(deviceId);
    },
    storedResult(deviceId, mutationId) {
      const r = db
        .prepare<[string, number], { result: string }>(
          'SELECT result FROM device_mutations WHERE device_id = ? AND mutation_id = ?',
        )
        .get(deviceId, mutationId);
      return r === undefined ? undefined : readJson<MutationResult>(r.result);
    },
    storeResult(deviceId, mutationId, recordId, result, batchNumber) {
      db.prepare(
        'INSERT INTO device_mutations (device_id, mutation_id, record_id, result, batch_number) VALUES (?, ?, ?, ?, ?)',
      ).run(deviceId, mutationId, recordId, writeJson(result), batchNumber);
    },
    ...batchesStore(db),
  };
}
