import { db } from './db';
import { attempt, type StorageResult } from './errors';
import { syncBatches } from './sync-types';
import type { SyncStateRow } from './types';

// Device registration and cursors (owned by the sync engine, apps/field/src/sync/README.md).

export function getSyncState(userId: string): Promise<StorageResult<SyncStateRow | undefined>> {
  return attempt(() => db().syncState.get(userId));
}

/**
 * Stores a new registration. The same device id keeps its mutation counter and cursor. A new device id
 * (the tablet registered again, e.g. after its token was revoked) starts a new per-device sequence at
 * 1, so the user's frozen batches — numbered for, and carrying, the old device id, which the server now
 * refuses — are unfrozen back to pending in the same transaction and go again under the new device.
 * Their content is unchanged; were some already committed under the old id, the merge answers
 * `duplicate` for values the server already has.
 */
export function saveRegistration(
  userId: string,
  deviceId: string,
  deviceToken: string,
): Promise<StorageResult<void>> {
  const d = db();
  const batches = syncBatches(d);
  return attempt(() =>
    d.transaction('rw', [d.syncState, d.outbox, batches], async () => {
      const previous = await d.syncState.get(userId);
      const same = previous?.deviceId === deviceId;
      if (previous && !same) {
        await batches.where('userId').equals(userId).delete();
        await d.outbox
          .where('[userId+state]')
          .equals([userId, 'in_flight'])
          .modify((row) => {
            row.state = 'pending';
            Reflect.deleteProperty(row, 'mutationId');
            Reflect.deleteProperty(row, 'batchId');
          });
      }
      await d.syncState.put({
        userId,
        deviceId,
        deviceToken,
        nextMutationId: same ? previous.nextMutationId : 1,
        pullCursor: same ? previous.pullCursor : null,
      });
    }),
  );
}
