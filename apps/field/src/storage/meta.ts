import { db } from './db';
import { attempt, type StorageResult } from './errors';

// Small app-level facts kept across reloads (persistence answer, last screen of each user).

export function getMeta<T>(key: string): Promise<StorageResult<T | undefined>> {
  return attempt(async () => (await db().meta.get(key))?.value as T | undefined);
}

export function setMeta(key: string, value: unknown): Promise<StorageResult<void>> {
  return attempt(async () => {
    await db().meta.put({ key, value });
  });
}
