import { db } from './db';
import { attempt, type StorageResult } from './errors';

export type OpenEvent = 'blocked' | 'versionchange';

/**
 * Opens the database before the app shows anything, so a failed upgrade is a message, not a blank
 * screen. `onEvent('blocked')`: an older tab of the app holds the database open and the upgrade waits;
 * `onEvent('versionchange')`: a newer tab wants to upgrade, so this one closes and must reload.
 */
export async function openDatabase(
  onEvent: (event: OpenEvent) => void,
): Promise<StorageResult<void>> {
  const database = db();
  database.on('blocked', () => {
    onEvent('blocked');
  });
  database.on('versionchange', () => {
    database.close();
    onEvent('versionchange');
    return false;
  });
  return attempt(async () => {
    await database.open();
  });
}
