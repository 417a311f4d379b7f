import {
  planAdoptedBatches,
  planFreeze,
  planHead,
  type Compaction,
  type FreezeInput as PlanInput,
} from '@jigi/sync';
import { db, type JigiDb } from './db';
import { attempt, type StorageResult } from './errors';
import { syncBatches, syncRecords } from './sync-types';
import type { OutboxRow, SyncBatchRow } from './types';

// Freezing the next batch: the planners of packages/sync decide (compaction, numbering, byte cap);
// this file reads what they need and writes what they return, in one transaction with the mutation
// counter and the outbox.

export interface FreezeInput {
  userId: string;
  newBatchId: () => string;
  /** Device clock, ISO (audit only). */
  now: string;
  clockOffsetMs?: number | undefined;
  /** JSON bytes the batch may hold (the batch sizer's budget); one mutation always goes, whatever its size. */
  jsonBudget: number;
  maxMutations: number;
  /** Export: freeze a new batch even when unacknowledged ones exist. */
  alwaysNew?: boolean;
}

/**
 * The next batch to send: the oldest unacknowledged batch as it was frozen, else a new one made of
 * compacted pending mutations in outbox order, numbered from the device's next mutation id (`planFreeze`).
 * `null` when there is nothing to send. A change the protocol would refuse whole is taken out and its
 * record marked rejected here, so that one bad record never blocks the queue.
 */
export function freezeNextBatch(input: FreezeInput): Promise<StorageResult<SyncBatchRow | null>> {
  const d = db();
  const batches = syncBatches(d);
  return attempt(() =>
    d.transaction('rw', [d.outbox, d.syncState, batches, d.records], async () => {
      let open = await batches.where('userId').equals(input.userId).sortBy('firstMutationId');
      if (await adoptLegacyInFlight(d, input.userId, open))
        open = await batches.where('userId').equals(input.userId).sortBy('firstMutationId');
      if (!input.alwaysNew && open[0]) return open[0];
      const state = await d.syncState.get(input.userId);
      if (!state) return null;
      const eligible = await compactedHead(d, input.userId, input.maxMutations);
      const plan = planFreeze(eligible, {
        userId: input.userId,
        deviceId: state.deviceId,
        nextMutationId: state.nextMutationId,
        newBatchId: input.newBatchId,
        now: input.now,
        clockOffsetMs: input.clockOffsetMs,
        jsonBudget: input.jsonBudget,
        maxMutations: input.maxMutations,
      } satisfies PlanInput);
      for (const { row, rejection } of plan.refused) {
        await d.outbox.delete(row.seq);
        await syncRecords(d).update(row.recordId, { syncStatus: 'rejected', rejection });
      }
      if (!plan.batch) return null;
      await batches.add(plan.batch);
      await d.outbox.bulkPut(plan.inFlight);
      await d.syncState.update(input.userId, { nextMutationId: plan.nextMutationId });
      return plan.batch;
    }),
  );
}

/**
 * The oldest pending mutations in outbox order, compacted (`planHead`), reading only what the next
 * batch can hold: the first `maxMutations` pending rows by the `[userId+state]` index (equal keys come
 * in `seq` order; a larger head when compaction leaves too few), plus the other pending rows of the
 * records in them, so freezing costs the batch, not the outbox (a tablet back after days offline has
 * thousands of rows pending). The compaction is written back. Must run inside the freeze transaction.
 */
async function compactedHead(
  d: JigiDb,
  userId: string,
  maxMutations: number,
): Promise<OutboxRow[]> {
  const bySeq = new Map<number, OutboxRow>();
  const recordsRead = new Set<string>();
  // getAll with a count, never a cursor (offset, anyOf): cursors step one row per request.
  for (let window = Math.max(1, maxMutations); ; window *= 2) {
    const head = await d.outbox
      .where('[userId+state]')
      .equals([userId, 'pending'])
      .limit(window)
      .toArray();
    for (const row of head) if (row.seq !== undefined) bySeq.set(row.seq, row);
    const fresh = [...new Set(head.map((r) => r.recordId))].filter((id) => !recordsRead.has(id));
    for (const id of fresh) recordsRead.add(id);
    // Keys first: the window's own rows are not read twice.
    const keys = (
      await Promise.all(fresh.map((id) => d.outbox.where('recordId').equals(id).primaryKeys()))
    ).flat();
    const others = await d.outbox.bulkGet(
      keys.filter((seq): seq is number => seq !== undefined && !bySeq.has(seq)),
    );
    for (const row of others)
      if (row?.userId === userId && row.state === 'pending' && row.seq !== undefined)
        bySeq.set(row.seq, row);
    const planned = planHead(
      {
        rows: [...bySeq.values()].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0)),
        lastSeq: head.at(-1)?.seq ?? 0,
        complete: head.length < window,
      },
      maxMutations,
    );
    if (planned) {
      await writeCompaction(d, planned.compaction);
      return planned.eligible;
    }
  }
}

async function writeCompaction(d: JigiDb, plan: Compaction): Promise<void> {
  if (plan.remove.length > 0) await d.outbox.bulkDelete(plan.remove);
  if (plan.put.length > 0) await d.outbox.bulkPut(plan.put);
}

/**
 * Mutations the first simple sync (before schema v3) left in flight — numbered and sent, no answer —
 * have no frozen batch row: give them one (`planAdoptedBatches`). Done here, in the sync chunk, rather
 * than in the Dexie upgrade, which runs in the app shell. Must run inside the freeze transaction; true
 * when it gave any. Counted first: the in-flight rows are read only when there are more of them than
 * the open batches carry.
 */
async function adoptLegacyInFlight(
  d: JigiDb,
  userId: string,
  open: readonly SyncBatchRow[],
): Promise<boolean> {
  const batches = syncBatches(d);
  const inFlight = d.outbox.where('[userId+state]').equals([userId, 'in_flight']);
  const carried = open.reduce((sum, b) => sum + b.lastMutationId - b.firstMutationId + 1, 0);
  if ((await inFlight.count()) <= carried) return false;
  const rows = await inFlight.toArray();
  const state = await d.syncState.get(userId);
  if (!state) return false;
  const ids = [...new Set(rows.flatMap((r) => (r.batchId === undefined ? [] : [r.batchId])))];
  const known = new Set(
    (await batches.bulkGet(ids)).flatMap((b) => (b === undefined ? [] : [b.batchId])),
  );
  const adopted = planAdoptedBatches({
    userId,
    deviceId: state.deviceId,
    clockOffsetMs: state.clockOffsetMs,
    inFlight: rows,
    knownBatchIds: known,
  });
  if (adopted.length > 0) await batches.bulkPut(adopted);
  return adopted.length > 0;
}

/** Unacknowledged batches of a user, in mutation id order. */
export function openBatches(userId: string): Promise<StorageResult<SyncBatchRow[]>> {
  return attempt(() => syncBatches(db()).where('userId').equals(userId).sortBy('firstMutationId'));
}
