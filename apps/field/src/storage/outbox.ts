import { db } from './db';
import { attempt, type StorageResult } from './errors';
import type { OutboxRow } from './types';

// The outbox (DESIGN.md §3.1), owned by the sync engine (apps/field/src/sync/README.md). The record
// writers call `addMutation` inside their own transaction so a record never changes without its
// mutation; pending rows are compacted and frozen into batches by storage/sync-freeze.ts.

/** Adds a pending mutation. Must be called inside a transaction that includes `outbox`. */
export async function addMutation(row: Omit<OutboxRow, 'seq' | 'state' | 'mutationId' | 'batchId'>): Promise<void> {
  await db().outbox.add({ ...row, state: 'pending' });
}

/** Every mutation of a user not yet acknowledged, oldest first. */
export function outboxOf(userId: string): Promise<StorageResult<OutboxRow[]>> {
  return attempt(() => db().outbox.where('userId').equals(userId).sortBy('seq'));
}

export function countOutbox(userId: string): Promise<number> {
  return db().outbox.where('userId').equals(userId).count();
}

/**
 * The rows of the next batch to send (the oldest unacknowledged one as it was frozen, else a new one
 * of at most `limit` compacted mutations). Kept for callers of the first simple sync; the engine uses
 * `freezeNextBatch`, which also returns the frozen body.
 */
export function freezeBatch(userId: string, batchId: string, limit: number): Promise<StorageResult<OutboxRow[]>> {
  return attempt(async () => {
    // Loaded on use: the record writers import this file, and the shell must not load the protocol.
    const [{ freezeNextBatch }, { wireLimits }] = await Promise.all([import('./sync-freeze'), import('@jigi/sync')]);
    const frozen = await freezeNextBatch({ userId, newBatchId: () => batchId, now: new Date().toISOString(), jsonBudget: wireLimits.maxPushBodyBytes, maxMutations: limit });
    if (!frozen.ok) throw new Error(frozen.error.detail);
    if (!frozen.value) return [];
    const rows = await db().outbox.where('batchId').equals(frozen.value.batchId).toArray();
    return rows.sort((a, b) => (a.mutationId ?? 0) - (b.mutationId ?? 0));
  });
}
