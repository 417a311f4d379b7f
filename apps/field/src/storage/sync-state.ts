import { db } from './db';
import { attempt, type StorageResult } from './errors';
import type { SyncStateRow } from './types';

// Device registration and cursors. Owned by the sync engine from issue 5 on.

export function getSyncState(userId: string): Promise<StorageResult<SyncStateRow | undefined>> {
  return attempt(() => db().syncState.get(userId));
}

/** Stores a new registration. A user registering again keeps the mutation counter only if the device id is the same. */
export function saveRegistration(userId: string, deviceId: string, deviceToken: string): Promise<StorageResult<void>> {
  return attempt(() =>
    db().transaction('rw', db().syncState, async () => {
      const previous = await db().syncState.get(userId);
      const same = previous?.deviceId === deviceId;
      await db().syncState.put({
        userId,
        deviceId,
        deviceToken,
        nextMutationId: same ? previous.nextMutationId : 1,
        pullCursor: same ? previous.pullCursor : null,
      });
    }),
  );
}
