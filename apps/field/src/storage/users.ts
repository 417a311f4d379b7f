import { db } from './db';
import { attempt, type StorageResult } from './errors';
import type { PinHash, Role, UserRow } from './types';

export function listUsers(): Promise<StorageResult<UserRow[]>> {
  return attempt(() => db().users.orderBy('login').toArray());
}

export function getUser(id: string): Promise<StorageResult<UserRow | undefined>> {
  return attempt(() => db().users.get(id));
}

/** Records (or refreshes) the user returned by an online login; keeps an existing PIN. */
export function upsertUser(user: {
  id: string;
  login: string;
  name: string;
  role: Role;
  zones: string[];
}): Promise<StorageResult<UserRow>> {
  return attempt(() =>
    db().transaction('rw', db().users, async () => {
      const previous = await db().users.get(user.id);
      const row: UserRow = { ...user, pin: previous?.pin ?? null, failedPinAttempts: 0 };
      await db().users.put(row);
      return row;
    }),
  );
}

export function setPin(userId: string, pin: PinHash): Promise<StorageResult<void>> {
  return attempt(async () => {
    await db().users.update(userId, { pin, failedPinAttempts: 0 });
  });
}

/** Counts a wrong PIN; returns the new count. */
export function recordPinFailure(userId: string): Promise<StorageResult<number>> {
  return attempt(() =>
    db().transaction('rw', db().users, async () => {
      const u = await db().users.get(userId);
      const n = (u?.failedPinAttempts ?? 0) + 1;
      await db().users.update(userId, { failedPinAttempts: n });
      return n;
    }),
  );
}

export function recordUnlock(userId: string, at: string): Promise<StorageResult<void>> {
  return attempt(async () => {
    await db().users.update(userId, { failedPinAttempts: 0, lastUnlockAt: at });
  });
}

/** After too many wrong PINs the PIN is dropped: the user must log in online again. */
export function clearPin(userId: string): Promise<StorageResult<void>> {
  return attempt(async () => {
    await db().users.update(userId, { pin: null, failedPinAttempts: 0 });
  });
}
