import { db } from './db';
import { attempt, type StorageResult } from './errors';
import type { OutboxRow } from './types';

// The outbox (DESIGN.md §3.1). Owned by the sync engine from issue 5 on; the record writers call
// `addMutation` inside their own transaction so a record never changes without its mutation.

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
 * Freezes a user's mutations into one batch: gives each the next per-device mutation id and the batch
 * id, in one transaction with the counter, so a retried batch is byte-identical. A batch already in
 * flight (a previous attempt that got no answer) is returned as it was, never rebuilt.
 */
export function freezeBatch(userId: string, batchId: string, limit: number): Promise<StorageResult<OutboxRow[]>> {
  return attempt(() =>
    db().transaction('rw', db().outbox, db().syncState, async () => {
      const inFlight = await db().outbox.where('[userId+state]').equals([userId, 'in_flight']).sortBy('seq');
      if (inFlight.length > 0) return inFlight;
      const state = await db().syncState.get(userId);
      if (!state) return [];
      const pending = (await db().outbox.where('[userId+state]').equals([userId, 'pending']).sortBy('seq')).slice(0, limit);
      let next = state.nextMutationId;
      const frozen = pending.map((row) => ({ ...row, state: 'in_flight' as const, batchId, mutationId: next++ }));
      await db().outbox.bulkPut(frozen);
      await db().syncState.update(userId, { nextMutationId: next });
      return frozen;
    }),
  );
}
