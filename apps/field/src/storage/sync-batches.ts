import { planRenumber, planSplit } from '@jigi/sync';
import { db } from './db';
import { attempt, type StorageResult } from './errors';
import { syncBatches } from './sync-types';
import type { SyncBatchRow } from './types';

/** Counts an attempt (for the receipt and the support screen). */
export function recordAttempt(batchId: string): Promise<StorageResult<void>> {
  return attempt(async () => {
    await syncBatches(db())
      .where('batchId')
      .equals(batchId)
      .modify((b) => {
        b.attempts += 1;
      });
  });
}

/**
 * Splits a frozen batch after `count` mutations when the link cannot carry it whole (`planSplit`:
 * each mutation keeps its id and its exact JSON). `null` when there is no such batch or cut.
 */
export function splitBatch(
  batchId: string,
  count: number,
  newIds: readonly [string, string],
): Promise<StorageResult<[SyncBatchRow, SyncBatchRow] | null>> {
  const d = db();
  const batches = syncBatches(d);
  return attempt(() =>
    d.transaction('rw', [batches, d.outbox], async () => {
      const batch = await batches.get(batchId);
      const plan = batch ? planSplit(batch, count, newIds) : null;
      if (!plan) return null;
      await batches.delete(batchId);
      await batches.bulkAdd(plan.parts);
      await d.outbox
        .where('batchId')
        .equals(batchId)
        .modify((row) => {
          row.batchId = plan.batchIdOf(row.mutationId ?? 0);
        });
      return plan.parts;
    }),
  );
}

/**
 * After a 409 `mutation_gap`, every unacknowledged mutation numbered again from the id the server
 * expects (`planRenumber`), bodies, outbox rows and the device counter together.
 */
export function renumberOpenBatches(
  userId: string,
  expectedMutationId: number,
): Promise<StorageResult<SyncBatchRow[]>> {
  const d = db();
  const batches = syncBatches(d);
  return attempt(() =>
    d.transaction('rw', [batches, d.outbox, d.syncState], async () => {
      const open = await batches.where('userId').equals(userId).sortBy('firstMutationId');
      const plan = planRenumber(open, expectedMutationId);
      for (const { batch, idOf } of plan.batches) {
        await batches.put(batch);
        const rows = await d.outbox.where('batchId').equals(batch.batchId).toArray();
        await d.outbox.bulkPut(
          rows.map((r) => {
            const id = idOf.get(r.mutationId ?? -1);
            return id === undefined ? r : { ...r, mutationId: id };
          }),
        );
      }
      await d.syncState.update(userId, { nextMutationId: plan.nextMutationId });
      return plan.batches.map((b) => b.batch);
    }),
  );
}

/** Marks batches as written to an export file. */
export function markExported(
  batchIds: readonly string[],
  at: string,
): Promise<StorageResult<void>> {
  return attempt(async () => {
    await syncBatches(db())
      .where('batchId')
      .anyOf([...batchIds])
      .modify({ exportedAt: at });
  });
}
