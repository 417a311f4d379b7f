import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../test-support/db';
import { inMemoryLockManager, leaseLock, webLocks, type SyncLock } from './sync-lock';

// One tab syncs at a time: the Web Locks path and the IndexedDB lease used where the browser has no
// Web Locks behave the same way — the second tab does not wait, it is told the lock is taken.

beforeEach(async () => {
  await freshDb().open();
});

async function contend(a: SyncLock, b: SyncLock) {
  let release: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  // The second tab tries once the first is inside its sync (not after a guessed pause, which a busy
  // machine can outlast before the first has even taken the lock).
  let entered: () => void = () => undefined;
  const inside = new Promise<void>((resolve) => {
    entered = resolve;
  });
  const first = a.run('jigi-sync:u1', async () => {
    entered();
    await gate;
    return 'first';
  });
  await inside;
  const second = await b.run('jigi-sync:u1', () => Promise.resolve('second'));
  const other = await b.run('jigi-sync:u2', () => Promise.resolve('other user'));
  release();
  const done = await first;
  const after = await b.run('jigi-sync:u1', () => Promise.resolve('after'));
  return { done, second, other, after };
}

describe('sync lock', () => {
  it('Web Locks: a second tab is refused while the first syncs, and gets it afterwards', async () => {
    const manager = inMemoryLockManager();
    expect(await contend(webLocks(manager), webLocks(manager))).toEqual({
      done: { acquired: true, value: 'first' },
      second: { acquired: false },
      other: { acquired: true, value: 'other user' },
      after: { acquired: true, value: 'after' },
    });
  });

  it('IndexedDB lease: same behaviour across two "tabs" of one database', async () => {
    const now = () => 1_000_000;
    expect(
      await contend(leaseLock({ owner: 'tab-a', now }), leaseLock({ owner: 'tab-b', now })),
    ).toEqual({
      done: { acquired: true, value: 'first' },
      second: { acquired: false },
      other: { acquired: true, value: 'other user' },
      after: { acquired: true, value: 'after' },
    });
  });

  it('a lease left by a tab killed mid-sync expires', async () => {
    let t = 0;
    const dead = leaseLock({ owner: 'dead', now: () => t, ttlMs: 30_000 });
    // The dead tab took the lease and never released it (its page was closed).
    await new Promise<void>((entered) => {
      void dead.run('jigi-sync:u1', () => {
        entered();
        return new Promise<never>(() => undefined);
      });
    });
    const alive = leaseLock({ owner: 'alive', now: () => t, ttlMs: 30_000 });
    expect(await alive.run('jigi-sync:u1', () => Promise.resolve(1))).toEqual({ acquired: false });
    t = 31_000;
    expect(await alive.run('jigi-sync:u1', () => Promise.resolve(1))).toEqual({
      acquired: true,
      value: 1,
    });
  });
});
