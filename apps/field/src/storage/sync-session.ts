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
 * i.e. everything is synced or exported to a file the server can import.
 */
export function leaveCheck(userId: string): Promise<StorageResult<LeaveCheck>> {
  const d = db();
  const batches = syncBatches(d);
  return attempt(() =>
    d.transaction('r', [d.outbox, batches, d.records], async () => {
      const rows = await d.outbox.where('userId').equals(userId).toArray();
      const exportedBatches = new Set(
        (
          await batches
            .where('userId')
            .equals(userId)
            .filter((b) => b.exportedAt !== undefined)
            .toArray()
        ).map((b) => b.batchId),
      );
      let unsent = 0;
      let exported = 0;
      for (const r of rows) {
        if (r.state === 'in_flight' && r.batchId !== undefined && exportedBatches.has(r.batchId))
          exported++;
        else unsent++;
      }
      const rejected = await d.records
        .where('agentId')
        .equals(userId)
        .filter((r) => r.syncStatus === 'rejected')
        .count();
      return { unsent, exported, rejected };
    }),
  );
}
