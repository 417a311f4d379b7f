import type { QuarantineRow } from '../rows';
import { readJson, toBatch, toRecord, type BatchDb, type RecordDb } from '../row-mappers';
import type { SyncPort } from '../store';
import type { Query } from './query';

/** The review batches a push makes, and the quarantine of what it refused: part of the sync port. */
export function batchesStore(
  q: Query,
): Pick<
  SyncPort,
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
    async insertBatch(b) {
      const [r] = await q<{ number: number }>(
        `INSERT INTO batches (batch_id, device_id, user_id, received_at, client_time, clock_offset_ms, counts, villages)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING number`,
        [
          b.batchId,
          b.deviceId,
          b.userId,
          b.receivedAt,
          b.clientTime,
          b.clockOffsetMs,
          JSON.stringify(b.counts),
          JSON.stringify(b.villages),
        ],
      );
      if (r === undefined) throw new Error('INSERT … RETURNING gave no row');
      return r.number;
    },
    async updateBatchSummary(number, counts, villages) {
      await q('UPDATE batches SET counts = $1, villages = $2 WHERE number = $3', [
        JSON.stringify(counts),
        JSON.stringify(villages),
        number,
      ]);
    },
    async addBatchRecord(batchNumber, recordId, version) {
      await q(
        'INSERT INTO batch_records (batch_number, record_id, version) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING',
        [batchNumber, recordId, version],
      );
    },
    async batchByNumber(number) {
      const [r] = await q<BatchDb>('SELECT * FROM batches WHERE number = $1', [number]);
      return r === undefined ? undefined : toBatch(r);
    },
    async listBatches(f) {
      const where: string[] = [];
      const params: unknown[] = [];
      const add = (clause: (n: string) => string, value: unknown) => {
        params.push(value);
        where.push(clause(`$${params.length}`));
      };
      if (f.villageIds !== undefined)
        add(
          (n) =>
            `EXISTS (SELECT 1 FROM json_array_elements_text(b.villages::json) v WHERE v = ANY(${n}))`,
          [...f.villageIds],
        );
      if (f.userId !== undefined) add((n) => `b.user_id = ${n}`, f.userId);
      if (f.from !== undefined) add((n) => `b.received_at >= ${n}`, f.from);
      if (f.to !== undefined) add((n) => `b.received_at < ${n}`, f.to);
      if (f.recordType !== undefined)
        add(
          (n) =>
            `EXISTS (SELECT 1 FROM batch_records br JOIN records r ON r.id = br.record_id WHERE br.batch_number = b.number AND r.type = ${n})`,
          f.recordType,
        );
      if (f.status !== undefined)
        add(
          (n) =>
            `EXISTS (SELECT 1 FROM batch_records br JOIN records r ON r.id = br.record_id WHERE br.batch_number = b.number AND r.review_status = ${n})`,
          f.status,
        );
      const clause = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
      const [count] = await q<{ n: number }>(
        `SELECT count(*)::int AS n FROM batches b ${clause}`,
        params,
      );
      const n = params.length;
      const rows = await q<BatchDb & { status_counts: string | null }>(
        `SELECT b.*, (SELECT json_object_agg(s.review_status, s.n)::text FROM (
            SELECT r.review_status, count(DISTINCT r.id) AS n FROM batch_records br JOIN records r ON r.id = br.record_id
            WHERE br.batch_number = b.number GROUP BY r.review_status) s) AS status_counts
         FROM batches b ${clause} ORDER BY b.number DESC LIMIT $${n + 1} OFFSET $${n + 2}`,
        [...params, f.limit, f.offset],
      );
      return {
        total: count?.n ?? 0,
        rows: rows.map((r) => ({
          ...toBatch(r),
          statusCounts: readJson<Record<string, number> | null>(r.status_counts) ?? {},
        })),
      };
    },
    async batchRecords(number) {
      const rows = await q<RecordDb>(
        `SELECT r.* FROM records r WHERE r.id IN (SELECT record_id FROM batch_records WHERE batch_number = $1)
         ORDER BY r.type COLLATE "C", r.id COLLATE "C"`,
        [number],
      );
      return rows.map(toRecord);
    },
    async quarantine(row) {
      await q(
        'INSERT INTO quarantine (device_id, user_id, mutation_id, batch_number, reason_code, reason, input, received_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [
          row.deviceId,
          row.userId,
          row.mutationId,
          row.batchNumber,
          row.reasonCode,
          JSON.stringify(row.reason),
          JSON.stringify(row.input),
          row.receivedAt,
        ],
      );
    },
    async listQuarantine(deviceId) {
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
          ? await q<Db>('SELECT * FROM quarantine ORDER BY id')
          : await q<Db>('SELECT * FROM quarantine WHERE device_id = $1 ORDER BY id', [deviceId]);
      return rows.map((r): QuarantineRow => ({
        id: r.id,
        deviceId: r.device_id,
        userId: r.user_id,
        mutationId: r.mutation_id,
        batchNumber: r.batch_number,
        reasonCode: r.reason_code,
        reason: readJson(r.reason),
        input: readJson(r.input),
        receivedAt: r.received_at,
      }));
    },
  };
}
