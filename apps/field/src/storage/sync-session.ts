import Dexie from 'dexie';
import { db } from './db';
import { attempt, type StorageResult } from './errors';
import { syncBatches } from './sync-types';
import type { SyncStateRow } from './types';

export function readSyncState(userId: string): Promise<StorageResult<SyncStateRow | undefined>> {
  return attempt(() => db().syncState.get(userId));
}

export function saveSyncFacts(
  userId: string,
  facts: Partial<Pick<SyncStateRow, 'clockOffsetMs' | 'lastPushAt' | 'pushSizing'>>,
): Promise<StorageResult<void>> {
  return attempt(async () => {
    await db().syncState.update(userId, facts);
  });
}

/** Mutations not yet acknowledged (pending or in a frozen batch): the progress bar's total. */
export function countUnacknowledged(userId: string): Promise<StorageResult<number>> {
  return attempt(() => db().outbox.where('userId').equals(userId).count());
}

export interface LeaveCheck {
  /** Changes neither acknowledged by the server nor written to an export file. */
  unsent: number;
  /** Changes in an export file, not yet acknowledged (the server gets them by import or next sync). */
  exported: number;
  /** Records the server refused (kept on the server in quarantine; correct and send again). */
  rejected: number;
}

/**
 * Whether this user may log out or hand the tablet over (docs/architecture.md §4): allowed when `unsent` is 0,
 * i.e. everything is synced or exported to a file the server can import. Reads index keys only (counts
 * and key lists), so that it answers on the unlock screen too, when the user's rows are sealed and
 * their key is not held.
 */
export function leaveCheck(userId: string): Promise<StorageResult<LeaveCheck>> {
  const d = db();
  const batches = syncBatches(d);
  return attempt(() =>
    d.transaction('r', [d.outbox, batches, d.records], async () => {
      const total = await d.outbox.where('userId').equals(userId).count();
      const exportedBatches = await batches
        .where('[userId+exportedAt]')
        .between([userId, Dexie.minKey], [userId, Dexie.maxKey])
        .primaryKeys();
      let exported = 0;
      for (const batchId of exportedBatches)
        exported += await d.outbox.where('batchId').equals(batchId).count();
      const rejected = await d.records
        .where('[agentId+syncStatus]')
        .equals([userId, 'rejected'])
        .count();
      return { unsent: total - exported, exported, rejected };
    }),
  );
}
