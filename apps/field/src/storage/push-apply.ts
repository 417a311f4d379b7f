import type { MutationResult } from '@jigi/sync';
import { db } from './db';
import { attempt, type StorageResult } from './errors';
import { renumberOpenBatches } from './sync-batches';
import { applyPushAnswer } from './sync-push-results';
import type { OutboxRow, ReceiptRow } from './types';

// The first simple sync's entry points, now over the sync engine's storage (sync-push-results.ts,
// sync-batches.ts), kept so their callers and tests keep working.

/** One server answer for one mutation. */
export type PushedResult = MutationResult;

/** Applies a push answer (see `applyPushAnswer`) and keeps a receipt of that one batch. */
export function applyPushResults(
  userId: string,
  batch: readonly OutboxRow[],
  results: readonly PushedResult[],
  receipt: Omit<ReceiptRow, 'id' | 'userId' | 'sent' | 'accepted' | 'rejected' | 'conflicts'>,
): Promise<StorageResult<ReceiptRow>> {
  return attempt(async () => {
    const tally = await applyPushAnswer({ userId, batchId: batch[0]?.batchId ?? receipt.batchId, results, now: receipt.at });
    if (!tally.ok) throw new Error(tally.error.detail);
    const full: ReceiptRow = { ...receipt, userId, sent: batch.length, accepted: tally.value.accepted, rejected: tally.value.rejections.length, conflicts: tally.value.conflicts };
    full.id = await db().receipts.add(full);
    return full;
  });
}

/** After a `mutation_gap`: renumbers the unacknowledged batches from the id the server expects. */
export function renumberInFlight(userId: string, expectedMutationId: number): Promise<StorageResult<OutboxRow[]>> {
  return attempt(async () => {
    const res = await renumberOpenBatches(userId, expectedMutationId);
    if (!res.ok) throw new Error(res.error.detail);
    return db().outbox.where('[userId+state]').equals([userId, 'in_flight']).sortBy('mutationId');
  });
}
