import { applyChanges, type Json, type JsonObject, type MutationResult } from '@jigi/sync';
import { db } from './db';
import { attempt, type StorageResult } from './errors';
import { syncBatches, syncRecords, type RecordRejection, type SyncRecordRow } from './sync-types';
import type { AnyRecord, OutboxRow } from './types';

export interface PushTally {
  /** Results applied now (a result whose mutation already left the outbox — another tab — is not counted). */
  acknowledged: number;
  accepted: number;
  duplicates: number;
  conflicts: number;
  rejections: { recordId: string; code: string; message: string }[];
}

/**
 * Applies a push answer in one transaction (issue 5): every answered mutation leaves the outbox; its
 * record takes the server version; a rejected one is marked with its reason (DESIGN.md §3.3: the id is
 * consumed, the user corrects and finalises again, which sends a fresh change); `conflict_queued`
 * shows « en attente d'arbitrage ». The batch row goes when all of its mutations are answered.
 * Idempotent: applying the same answer twice changes nothing the second time.
 *
 * Reads the batch's rows, its records and their other outbox rows in three bulk reads, works on them
 * in memory in result order (a record may have two mutations in one batch), then writes each changed
 * row once: a batch of 200 costs a handful of requests to IndexedDB, not 200 × 4.
 */
export function applyPushAnswer(input: {
  userId: string;
  batchId: string;
  results: readonly MutationResult[];
  now: string;
}): Promise<StorageResult<PushTally>> {
  const d = db();
  const records = syncRecords(d);
  const batches = syncBatches(d);
  return attempt(() =>
    d.transaction('rw', [d.outbox, d.records, batches], async () => {
      const tally: PushTally = {
        acknowledged: 0,
        accepted: 0,
        duplicates: 0,
        conflicts: 0,
        rejections: [],
      };
      let inFlight = (await d.outbox.where('batchId').equals(input.batchId).toArray()).filter(
        (r) => r.state === 'in_flight' && r.userId === input.userId,
      );
      const inBatch = new Set(inFlight.map((r) => r.mutationId));
      // Results the batch row does not hold (an older layout): look among every in-flight row.
      if (input.results.some((r) => !inBatch.has(r.mutationId)))
        inFlight = await d.outbox
          .where('[userId+state]')
          .equals([input.userId, 'in_flight'])
          .toArray();
      const byId = new Map(inFlight.map((r) => [r.mutationId, r]));
      const answered = input.results.flatMap((result) => {
        const row = byId.get(result.mutationId);
        return row?.seq !== undefined && row.recordId === result.recordId ? [{ result, row }] : [];
      });
      const recordIds = [...new Set(answered.map((a) => a.row.recordId))];
      const outboxOf = new Map<string, OutboxRow[]>();
      // Keys per record (not `anyOf`, whose cursor steps one row per request), then only the rows the
      // batch did not already bring: the batch's own rows are not read twice.
      const keysOf = await Promise.all(
        recordIds.map((id) => d.outbox.where('recordId').equals(id).primaryKeys()),
      );
      const known = new Map(
        inFlight.flatMap((r) => (r.seq === undefined ? [] : [[r.seq, r] as const])),
      );
      const missing = keysOf
        .flat()
        .filter((seq): seq is number => seq !== undefined && !known.has(seq));
      for (const row of missing.length > 0 ? await d.outbox.bulkGet(missing) : [])
        if (row?.seq !== undefined) known.set(row.seq, row);
      recordIds.forEach((id, i) =>
        outboxOf.set(
          id,
          (keysOf[i] ?? []).flatMap((seq) => (seq === undefined ? [] : (known.get(seq) ?? []))),
        ),
      );
      const recordOf = new Map<string, SyncRecordRow>();
      for (const rec of await records.bulkGet(recordIds)) if (rec) recordOf.set(rec.id, rec);
      const deletedRows = new Set<number>();
      const changedRows = new Map<number, OutboxRow>();
      const changedRecords = new Set<string>();
      const deletedRecords = new Set<string>();
      const dropRow = (row: OutboxRow) => {
        deletedRows.add(row.seq as number);
        changedRows.delete(row.seq as number);
        outboxOf.set(
          row.recordId,
          (outboxOf.get(row.recordId) ?? []).filter((r) => r.seq !== row.seq),
        );
      };

      for (const { result, row } of answered) {
        dropRow(row);
        tally.acknowledged++;
        const rest = outboxOf.get(row.recordId) ?? [];
        const rec = recordOf.get(row.recordId);
        if (result.outcome === 'rejected') {
          const rejection: RecordRejection = {
            code: result.error.code,
            message: result.error.message,
            issues: result.error.issues,
            mutationId: result.mutationId,
            at: input.now,
          };
          tally.rejections.push({
            recordId: row.recordId,
            code: result.error.code,
            message: result.error.message,
          });
          // The record's content keeps every later local edit; re-finalising after the correction
          // diffs it from what the server last accepted, so the pending rows behind it would only
          // fail the same way.
          for (const r of rest) if (r.state === 'pending' && r.seq !== undefined) dropRow(r);
          if (rec) {
            recordOf.set(rec.id, { ...rec, syncStatus: 'rejected', rejection });
            changedRecords.add(rec.id);
          }
          continue;
        }
        tally.accepted++;
        if (result.outcome === 'duplicate') tally.duplicates++;
        if (result.outcome === 'conflict_queued') tally.conflicts++;
        // Changes written while the create was in flight were based on "version 0": now it has one.
        if (row.op === 'create') {
          for (const r of rest) {
            if (r.state !== 'pending' || r.baseVersion !== 0 || r.seq === undefined) continue;
            r.baseVersion = result.version;
            changedRows.set(r.seq, r);
          }
        }
        if (!rec) continue;
        if (row.op === 'delete') {
          if (rest.length === 0) {
            recordOf.delete(rec.id);
            deletedRecords.add(rec.id);
          }
          continue;
        }
        const before = (rec.serverRecord ?? {}) as JsonObject;
        const serverRecord = (
          row.op === 'create'
            ? row.record
            : applyChanges(before, (row.changes ?? {}) as Record<string, Json>)
        ) as AnyRecord;
        const busy = rest.length > 0;
        const conflictPaths =
          result.outcome === 'conflict_queued' ? result.conflictPaths : rec.conflictPaths;
        const { rejection: _cleared, ...kept } = rec;
        recordOf.set(rec.id, {
          ...kept,
          serverVersion: Math.max(rec.serverVersion ?? 0, result.version),
          serverRecord,
          conflictPaths,
          ...(busy
            ? {}
            : {
                baseVersion: result.version,
                syncStatus: conflictPaths && conflictPaths.length > 0 ? 'conflict' : 'synced',
              }),
        });
        changedRecords.add(rec.id);
      }

      if (deletedRows.size > 0) await d.outbox.bulkDelete([...deletedRows]);
      if (changedRows.size > 0) await d.outbox.bulkPut([...changedRows.values()]);
      if (deletedRecords.size > 0) await records.bulkDelete([...deletedRecords]);
      const toPut = [...changedRecords].flatMap((id) => recordOf.get(id) ?? []);
      if (toPut.length > 0) await records.bulkPut(toPut);
      const left = await d.outbox.where('batchId').equals(input.batchId).count();
      if (left === 0) await batches.delete(input.batchId);
      return tally;
    }),
  );
}
