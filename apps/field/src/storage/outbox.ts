import { db } from './db';
import { attempt, type StorageResult } from './errors';
import type { OutboxRow } from './types';

// The outbox (docs/architecture.md §4), owned by the sync engine (apps/field/src/sync/README.md). The record
// writers call `addMutation` inside their own transaction so a record never changes without its
// mutation; pending rows are compacted and frozen into batches by storage/sync-freeze.ts.

/** Adds a pending mutation. Must be called inside a transaction that includes `outbox`. */
export async function addMutation(
  row: Omit<OutboxRow, 'seq' | 'state' | 'mutationId' | 'batchId'>,
): Promise<void> {
  await db().outbox.add({ ...row, state: 'pending' });
}

/** Every mutation of a user not yet acknowledged, oldest first. */
export function outboxOf(userId: string): Promise<StorageResult<OutboxRow[]>> {
  return attempt(() => db().outbox.where('userId').equals(userId).sortBy('seq'));
}

export function countOutbox(userId: string): Promise<number> {
  return db().outbox.where('userId').equals(userId).count();
}
