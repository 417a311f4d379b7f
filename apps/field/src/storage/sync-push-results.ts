import {
  matchAnswer,
  planPushAnswer,
  type MutationResult,
  type PushAnswerPlan,
  type PushTally,
} from '@jigi/sync';
import { db, type JigiDb } from './db';
import { attempt, type StorageResult } from './errors';
import { syncBatches, syncRecords, type SyncRecordRow } from './sync-types';
import type { OutboxRow } from './types';

export type { PushTally };

/**
 * Applies a push answer in one transaction: `planPushAnswer` decides (rows leave the outbox, records
 * take the server version, a rejection or a queued conflict is shown); this reads what it needs and
 * writes what it returns. The batch row goes when all of its mutations are answered. Idempotent:
 * applying the same answer twice changes nothing the second time.
 *
 * Reads the batch's rows, its records and their other outbox rows in three bulk reads, then writes
 * each changed row once: a batch of 200 costs a handful of requests to IndexedDB, not 200 × 4.
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
      let inFlight = (await d.outbox.where('batchId').equals(input.batchId).toArray()).filter(
        (r) => r.state === 'in_flight' && r.userId === input.userId,
      );
      let match = matchAnswer(input.results, inFlight);
      if (match.needsAllInFlight) {
        inFlight = await d.outbox
          .where('[userId+state]')
          .equals([input.userId, 'in_flight'])
          .toArray();
        match = matchAnswer(input.results, inFlight);
      }
      const recordIds = [...new Set(match.answered.map((a) => a.row.recordId))];
      const outboxOf = await outboxOfRecords(d, recordIds, inFlight);
      const recordOf = new Map<string, SyncRecordRow>();
      for (const rec of await records.bulkGet(recordIds)) if (rec) recordOf.set(rec.id, rec);
      const plan = planPushAnswer({
        answered: match.answered,
        outboxOf,
        recordOf,
        now: input.now,
      });
      await writeAnswer(d, plan);
      const left = await d.outbox.where('batchId').equals(input.batchId).count();
      if (left === 0) await batches.delete(input.batchId);
      return plan.tally;
    }),
  );
}

/**
 * Every outbox row of each record, by record: keys per record (not `anyOf`, whose cursor steps one
 * row per request), then only the rows the batch did not already bring, so none is read twice.
 */
async function outboxOfRecords(
  d: JigiDb,
  recordIds: readonly string[],
  already: readonly OutboxRow[],
): Promise<Map<string, OutboxRow[]>> {
  const keysOf = await Promise.all(
    recordIds.map((id) => d.outbox.where('recordId').equals(id).primaryKeys()),
  );
  const known = new Map(already.flatMap((r) => (r.seq === undefined ? [] : [[r.seq, r] as const])));
  const missing = keysOf
    .flat()
    .filter((seq): seq is number => seq !== undefined && !known.has(seq));
  for (const row of missing.length > 0 ? await d.outbox.bulkGet(missing) : [])
    if (row?.seq !== undefined) known.set(row.seq, row);
  return new Map(
    recordIds.map((id, i) => [
      id,
      (keysOf[i] ?? []).flatMap((seq) => (seq === undefined ? [] : (known.get(seq) ?? []))),
    ]),
  );
}

async function writeAnswer(d: JigiDb, plan: PushAnswerPlan): Promise<void> {
  const records = syncRecords(d);
  if (plan.deleteRows.length > 0) await d.outbox.bulkDelete(plan.deleteRows);
  if (plan.putRows.length > 0) await d.outbox.bulkPut(plan.putRows);
  if (plan.deleteRecords.length > 0) await records.bulkDelete(plan.deleteRecords);
  if (plan.putRecords.length > 0) await records.bulkPut(plan.putRecords);
}
