import type { JsonObject, MutationResult } from '@jigi/sync';
import type { ChangeEntry, PullRow, RecordVersionRow, ReviewStatus } from '../rows';
import { jsonFieldName, type SyncPort } from '../store';
import { deviceSelect, toDevice, type DeviceDb } from './accounts';
import { readJson, toRecord, type RecordDb } from '../row-mappers';
import type { Query } from './query';
import { batchesStore } from './batches';

type PullDb = {
  seq: number;
  entity: PullRow['entity'];
  entity_id: string;
  village_id: string | null;
  record_type: string | null;
  audience_user_id: string | null;
  r_version: number | null;
  r_data: string | null;
  r_deleted: boolean | null;
  r_review_status: ReviewStatus | null;
  r_updated_at: string | null;
  r_open_paths: string[] | null;
};

const toPullRow = (r: PullDb): PullRow => ({
  seq: r.seq,
  entity: r.entity,
  entityId: r.entity_id,
  villageId: r.village_id,
  recordType: r.record_type,
  audienceUserId: r.audience_user_id,
  record:
    r.r_version === null || r.r_data === null
      ? undefined
      : {
          version: r.r_version,
          data: readJson<JsonObject>(r.r_data),
          deleted: r.r_deleted === true,
          reviewStatus: r.r_review_status ?? 'received',
          updatedAt: r.r_updated_at ?? '',
          openConflictPaths: r.r_open_paths ?? [],
        },
});

/**
 * The changes a write logs, kept until it commits: only then are they given their sequences, under
 * the change counter's row lock (promise 3 of store.ts). A sequence drawn at insert time would let a
 * transaction that commits after a later-numbered one land behind a cursor that already passed it.
 */
export class PendingChanges {
  readonly #byEntity = new Map<string, ChangeEntry>();

  add(change: ChangeEntry): void {
    const key = `${change.entity}\u0000${change.entityId}`;
    // Logged again: it moves to the end, like the delete-and-insert of the log itself.
    this.#byEntity.delete(key);
    this.#byEntity.set(key, change);
  }

  /** Stamps and writes the pending changes; called last, just before COMMIT. */
  async flush(q: Query): Promise<void> {
    const changes = [...this.#byEntity.values()];
    if (changes.length === 0) return;
    const [counter] = await q<{ seq: number }>(
      'UPDATE change_counter SET seq = seq + $1 WHERE id = 1 RETURNING seq',
      [changes.length],
    );
    if (counter === undefined) throw new Error('change_counter row missing');
    const first = counter.seq - changes.length + 1;
    const column = <K extends keyof ChangeEntry>(key: K) => changes.map((c) => c[key] ?? null);
    await q(
      'DELETE FROM changes c USING unnest($1::text[], $2::text[]) AS d(entity, entity_id) WHERE c.entity = d.entity AND c.entity_id = d.entity_id',
      [column('entity'), column('entityId')],
    );
    await q(
      `INSERT INTO changes (seq, entity, entity_id, village_id, record_type, audience_user_id, echo_device_id)
       SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])`,
      [
        changes.map((_, i) => first + i),
        column('entity'),
        column('entityId'),
        column('villageId'),
        column('recordType'),
        column('audienceUserId'),
        column('echoDeviceId'),
      ],
    );
  }
}

/**
 * `forWrite`: rows read are locked until commit (promise 4) — a record with FOR UPDATE, a set of
 * records (a HIMO roll) with a transaction advisory lock on its query, taken by every write that
 * reads the same set.
 */
export function syncPort(q: Query, pending: PendingChanges, forWrite: boolean): SyncPort {
  const lockRows = forWrite ? ' FOR UPDATE' : '';
  return {
    async lockDevice(id) {
      const [r] = await q<DeviceDb>(`${deviceSelect} WHERE id = $1 FOR UPDATE`, [id]);
      return r === undefined ? undefined : toDevice(r);
    },
    async setLastMutationId(deviceId, id) {
      await q('UPDATE devices SET last_mutation_id = $1 WHERE id = $2', [id, deviceId]);
    },
    async storedResult(deviceId, mutationId) {
      const [r] = await q<{ result: string }>(
        'SELECT result FROM device_mutations WHERE device_id = $1 AND mutation_id = $2',
        [deviceId, mutationId],
      );
      return r === undefined ? undefined : readJson<MutationResult>(r.result);
    },
    async storeResult(deviceId, mutationId, recordId, result, batchNumber) {
      await q(
        'INSERT INTO device_mutations (device_id, mutation_id, record_id, result, batch_number) VALUES ($1, $2, $3, $4, $5)',
        [deviceId, mutationId, recordId, JSON.stringify(result), batchNumber],
      );
    },
    async recordById(id) {
      const [r] = await q<RecordDb>(`SELECT * FROM records WHERE id = $1${lockRows}`, [id]);
      return r === undefined ? undefined : toRecord(r);
    },
    async recordVillageId(id) {
      const [r] = await q<{ village_id: string }>('SELECT village_id FROM records WHERE id = $1', [
        id,
      ]);
      return r?.village_id;
    },
    async saveRecord(r) {
      await q(
        `INSERT INTO records (id, type, village_id, version, data, field_versions, deleted, review_status, warnings, created_by, device_id, created_at, updated_at)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
        ON CONFLICT (id) DO UPDATE SET village_id = excluded.village_id, version = excluded.version, data = excluded.data,
        field_versions = excluded.field_versions, deleted = excluded.deleted, review_status = excluded.review_status,
        warnings = excluded.warnings, updated_at = excluded.updated_at`,
        [
          r.id,
          r.type,
          r.villageId,
          r.version,
          JSON.stringify(r.data),
          JSON.stringify(r.fieldVersions),
          r.deleted,
          r.reviewStatus,
          JSON.stringify(r.warnings),
          r.createdBy,
          r.deviceId,
          r.createdAt,
          r.updatedAt,
        ],
      );
    },
    async insertRecordVersion(v) {
      await q(
        `INSERT INTO record_versions (record_id, version, op, changes, overwritten, actor, user_id, device_id, mutation_id, server_time, client_time)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          v.recordId,
          v.version,
          v.op,
          JSON.stringify(v.changes),
          JSON.stringify(v.overwritten),
          v.actor,
          v.userId,
          v.deviceId,
          v.mutationId,
          v.serverTime,
          v.clientTime,
        ],
      );
    },
    async recordVersions(id) {
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
      const rows = await q<Db>(
        'SELECT * FROM record_versions WHERE record_id = $1 ORDER BY version',
        [id],
      );
      return rows.map((v): RecordVersionRow => ({
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
    async recordsPage(f, afterId, limit) {
      const params: unknown[] = [f.type, afterId];
      const where = ['type = $1', 'id COLLATE "C" > $2'];
      const add = (clause: (n: string) => string, value: unknown) => {
        params.push(value);
        where.push(clause(`$${params.length}`));
      };
      if (f.villageIds !== undefined) add((n) => `village_id = ANY(${n})`, [...f.villageIds]);
      if (f.includeDeleted !== true) where.push('NOT deleted');
      if (f.status !== undefined) add((n) => `review_status = ${n}`, f.status);
      if (f.from !== undefined) add((n) => `created_at >= ${n}`, f.from);
      if (f.to !== undefined) add((n) => `created_at < ${n}`, f.to);
      params.push(limit);
      const rows = await q<RecordDb>(
        `SELECT * FROM records WHERE ${where.join(' AND ')} ORDER BY id COLLATE "C" LIMIT $${params.length}`,
        params,
      );
      return rows.map(toRecord);
    },
    async recordsWhere(query) {
      const params: unknown[] = [query.type];
      const where = ['type = $1', 'NOT deleted'];
      if (query.villageIds !== undefined && query.villageIds !== 'all') {
        params.push([...query.villageIds]);
        where.push(`village_id = ANY($${params.length})`);
      }
      if (query.field !== undefined) {
        params.push(query.value ?? null);
        where.push(`(data::json ->> '${jsonFieldName(query.field)}') = $${params.length}`);
        if (forWrite) {
          await q('SELECT pg_advisory_xact_lock(hashtext($1))', [
            `${query.type}|${query.field}|${query.value ?? ''}`,
          ]);
        }
      }
      const rows = await q<RecordDb>(
        `SELECT * FROM records WHERE ${where.join(' AND ')} ORDER BY village_id COLLATE "C", id COLLATE "C"`,
        params,
      );
      return rows.map(toRecord);
    },
    logChange(change) {
      pending.add(change);
      return Promise.resolve();
    },
    async lastSeq() {
      const [r] = await q<{ seq: number }>('SELECT seq FROM change_counter WHERE id = 1');
      return r?.seq ?? 0;
    },
    async changesAfter(afterSeq, limit, scope) {
      const all = scope.villageIds === 'all';
      const villages = scope.villageIds === 'all' ? [] : [...scope.villageIds];
      // A device's own applied write is left out unless the record has open conflicts (their paths
      // travel in the record's meta, which the push answer did not carry).
      const rows = await q<PullDb>(
        `SELECT c.seq, c.entity, c.entity_id, c.village_id, c.record_type, c.audience_user_id,
          r.version AS r_version, r.data AS r_data, r.deleted AS r_deleted, r.review_status AS r_review_status,
          r.updated_at AS r_updated_at,
          CASE WHEN r.id IS NOT NULL THEN coalesce((SELECT array_agg(DISTINCT k.path COLLATE "C" ORDER BY k.path COLLATE "C")
            FROM conflicts k WHERE k.record_id = r.id AND k.status = 'open'), '{}') END AS r_open_paths
        FROM changes c LEFT JOIN records r ON c.entity = 'record' AND r.id = c.entity_id
        WHERE c.seq > $1 AND (
          c.entity = 'settings'
          OR (c.entity IN ('village', 'beneficiary_household') AND ($2 OR c.village_id = ANY($3)))
          OR (c.entity = 'microproject' AND ($2 OR EXISTS (SELECT 1 FROM microproject_villages mv
              WHERE mv.microproject_id = c.entity_id AND mv.village_id = ANY($3))))
          OR (c.entity IN ('record', 'conflict') AND ($2 OR c.village_id = ANY($3)) AND c.record_type = ANY($4))
          OR (c.entity = 'task' AND c.audience_user_id = $5)
        ) AND (
          $6::text IS NULL OR c.echo_device_id IS NULL OR c.echo_device_id <> $6
          OR EXISTS (SELECT 1 FROM conflicts k WHERE k.record_id = c.entity_id AND k.status = 'open')
        ) ORDER BY c.seq LIMIT $7`,
        [
          afterSeq,
          all,
          villages,
          [...scope.recordTypes],
          scope.userId,
          scope.skipEchoesOf ?? null,
          limit,
        ],
      );
      return rows.map(toPullRow);
    },
    async forgetEchoes(deviceId) {
      await q('UPDATE changes SET echo_device_id = NULL WHERE echo_device_id = $1', [deviceId]);
    },
    ...batchesStore(q),
  };
}
