import type Database from 'better-sqlite3';
import type { QuarantineRow } from '../rows';
import { readJson, toBatch, toRecord, type BatchDb, type RecordDb } from '../row-mappers';
import type { SyncPort } from '../store';
import { writeJson } from './json';
import type { Synchronous } from './synchronous';

/** The review batches a push makes, and the quarantine of what it refused: part of the sync port. */
export function batchesStore(
  db: Database.Database,
): Pick<
  Synchronous<SyncPort>,
  | 'insertBatch'
  | 'updateBatchSummary'
  | 'addBatchRecord'
  | 'batchByNumber'
  | 'listBatches'
  | 'batchRecords'
  | 'quarantine'
  | 'listQuarantine'
> {
  return {
    insertBatch(b) {
      const info = db
        .prepare(
          'INSERT INTO batches (batch_id, device_id, user_id, received_at, client_time, clock_offset_ms, counts, villages) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          b.batchId,
          b.deviceId,
          b.userId,
          b.receivedAt,
          b.clientTime,
          b.clockOffsetMs,
          writeJson(b.counts),
          writeJson(b.villages),
        );
      return Number(info.lastInsertRowid);
    },
    updateBatchSummary(number, counts, villages) {
      db.prepare('UPDATE batches SET counts = ?, villages = ? WHERE number = ?').run(
        writeJson(counts),
        writeJson(villages),
        number,
      );
    },
    addBatchRecord(batchNumber, recordId, version) {
      db.prepare(
        'INSERT OR IGNORE INTO batch_records (batch_number, record_id, version) VALUES (?, ?, ?)',
      ).run(batchNumber, recordId, version);
    },
    batchByNumber(number) {
      const r = db.prepare<[number], BatchDb>('SELECT * FROM batches WHERE number = ?').get(number);
      return r === undefined ? undefined : toBatch(r);
    },
    listBatches(f) {
      const where: string[] = [];
      const params: unknown[] = [];
      if (f.villageIds !== undefined) {
        where.push(
          'EXISTS (SELECT 1 FROM json_each(b.villages) v WHERE v.value IN (SELECT value FROM json_each(?)))',
        );
        params.push(writeJson(f.villageIds));
      }
      if (f.userId !== undefined) {
        where.push('b.user_id = ?');
        params.push(f.userId);
      }
      if (f.from !== undefined) {
        where.push('b.received_at >= ?');
        params.push(f.from);
      }
      if (f.to !== undefined) {
        where.push('b.received_at < ?');
        params.push(f.to);
      }
      if (f.recordType !== undefined) {
        where.push(
          'EXISTS (SELECT 1 FROM batch_records br JOIN records r ON r.id = br.record_id WHERE br.batch_number = b.number AND r.type = ?)',
        );
        params.push(f.recordType);
      }
      if (f.status !== undefined) {
        where.push(
          'EXISTS (SELECT 1 FROM batch_records br JOIN records r ON r.id = br.record_id WHERE br.batch_number = b.number AND r.review_status = ?)',
        );
        params.push(f.status);
      }
      const clause = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
      const total =
        db
          .prepare<unknown[], { n: number }>(`SELECT count(*) AS n FROM batches b ${clause}`)
          .get(...params)?.n ?? 0;
      const rows = db
        .prepare<unknown[], BatchDb>(
          `SELECT b.* FROM batches b ${clause} ORDER BY b.number DESC LIMIT ? OFFSET ?`,
        )
        .all(...params, f.limit, f.offset);
      const statusQuery = db.prepare<[number], { review_status: string; n: number }>(
        'SELECT r.review_status, count(DISTINCT r.id) AS n FROM batch_records br JOIN records r ON r.id = br.record_id WHERE br.batch_number = ? GROUP BY r.review_status',
      );
      return {
        total,
        rows: rows.map((r) => ({
          ...toBatch(r),
          statusCounts: Object.fromEntries(
            statusQuery.all(r.number).map((s) => [s.review_status, s.n]),
          ),
        })),
      };
    },
    batchRecords(number) {
      return db
        .prepare<[number], RecordDb>(
          'SELECT DISTINCT r.* FROM batch_records br JOIN records r ON r.id = br.record_id WHERE br.batch_number = ? ORDER BY r.type, r.id',
        )
        .all(number)
        .map(toRecord);
    },
    quarantine(q) {
      db.prepare(
        'INSERT INTO quarantine (device_id, user_id, mutation_id, batch_number, reason_code, reason, input, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(
        q.deviceId,
        q.userId,
        q.mutationId,
        q.batchNumber,
        q.reasonCode,
        writeJson(q.reason),
        writeJson(q.input),
        q.receivedAt,
      );
    },
    listQuarantine(deviceId) {
      type Db = {
        id: number;
        device_id: string;
        user_id: string;
        mutation_id: number;
        batch_number: number | null;
        reason_code: string;
        reason: string;
        input: string;
        received_at: string;
      };
      const rows =
        deviceId === undefined
          ? db.prepare<[], Db>('SELECT * FROM quarantine ORDER BY id').all()
          : db
              .prepare<[string], Db>('SELECT * FROM quarantine WHERE device_id = ? ORDER BY id')
              .all(deviceId);
      return rows.map((q): QuarantineRow => ({
        id: q.id,
        deviceId: q.device_id,
        userId: q.user_id,
        mutationId: q.mutation_id,
        batchNumber: q.batch_number,
        reasonCode: q.reason_code,
        reason: readJson(q.reason),
        input: readJson(q.input),
        receivedAt: q.received_at,
      }));
    },
  };
}
