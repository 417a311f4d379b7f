import { releaseLease, takeLease } from '../storage/sync-lease';

// One tab syncs at a time: two tabs pushing the same outbox would each freeze and send, and
// though the server's per-mutation ids keep that exactly-once, it doubles the traffic on a 2G link.
// Web Locks where the browser has them; an IndexedDB lease otherwise. A tab that finds the lock taken
// does not wait: the other tab is already doing the work.

export type LockRun<T> = { acquired: true; value: T } | { acquired: false };

export interface SyncLock {
  run<T>(name: string, fn: () => Promise<T>): Promise<LockRun<T>>;
}

/** The subset of the Web Locks API used here (navigator.locks). */
export interface LockManagerLike {
  request<T>(
    name: string,
    options: { ifAvailable: boolean },
    callback: (lock: unknown) => Promise<T>,
  ): Promise<T>;
}

export function webLocks(locks: LockManagerLike): SyncLock {
  return {
    run<T>(name: string, fn: () => Promise<T>): Promise<LockRun<T>> {
      return locks.request(name, { ifAvailable: true }, async (lock): Promise<LockRun<T>> =>
        lock ? { acquired: true, value: await fn() } : { acquired: false },
      );
    },
  };
}

export function leaseLock(input: { owner: string; now: () => number; ttlMs?: number }): SyncLock {
  const ttl = input.ttlMs ?? 30_000;
  return {
    async run<T>(name: string, fn: () => Promise<T>): Promise<LockRun<T>> {
      if (!(await takeLease(name, input.owner, input.now(), ttl))) return { acquired: false };
      const renew = setInterval(() => {
        void takeLease(name, input.owner, input.now(), ttl).catch(() => undefined);
      }, ttl / 3);
      try {
        return { acquired: true, value: await fn() };
      } finally {
        clearInterval(renew);
        await releaseLease(name, input.owner);
      }
    },
  };
}

/** Web Locks when present, else the lease. */
export function defaultLock(owner: string): SyncLock {
  const locks = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  return locks ? webLocks(locks) : leaseLock({ owner, now: () => Date.now() });
}

/**
 * A Web Locks stand-in with the same `ifAvailable` semantics, for tests that run several "tabs" in one
 * process (jsdom has no navigator.locks).
 */
export function inMemoryLockManager(): LockManagerLike {
  const held = new Set<string>();
  return {
    async request<T>(
      name: string,
      options: { ifAvailable: boolean },
      callback: (lock: unknown) => Promise<T>,
    ): Promise<T> {
      if (held.has(name)) {
        if (options.ifAvailable) return callback(null);
        throw new Error('only ifAvailable is supported');
      }
      held.add(name);
      try {
        return await callback({ name });
      } finally {
        held.delete(name);
      }
    },
  };
}
