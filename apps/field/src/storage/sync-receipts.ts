import { db } from './db';
import { attempt, type StorageResult } from './errors';
import type { SyncReceiptRow } from './sync-types';

/** Keeps one sync's receipt in the history. */
export function addSyncReceipt(
  row: Omit<SyncReceiptRow, 'id'>,
): Promise<StorageResult<SyncReceiptRow>> {
  return attempt(async () => {
    const id = await db().receipts.add(row);
    return { ...row, id };
  });
}

/** Sync history of a user, newest first. */
export function syncHistory(userId: string, limit = 50): Promise<StorageResult<SyncReceiptRow[]>> {
  return attempt(async () => {
    const rows = (await db()
      .receipts.where('userId')
      .equals(userId)
      .sortBy('at')) as SyncReceiptRow[];
    return rows.reverse().slice(0, limit);
  });
}

/**
 * The user's last receipt of a sync that sent something (or stopped on an error): what the shell
 * keeps on screen, so that a later sync with nothing to send does not hide it.
 */
export function lastSendingReceipt(
  userId: string,
): Promise<StorageResult<SyncReceiptRow | undefined>> {
  return attempt(async () => {
    const rows = (await db()
      .receipts.where('userId')
      .equals(userId)
      .sortBy('at')) as SyncReceiptRow[];
    return rows.reverse().find((r) => r.sent > 0 || r.error !== undefined);
  });
}
