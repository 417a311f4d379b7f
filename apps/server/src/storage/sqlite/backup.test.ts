import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { registerDevice, startTestServer, type TestServer } from '../../test-support/harness';
import {
  ciblage,
  createMutation,
  pull,
  push,
  type TestDevice,
} from '../../test-support/sync-client';
import { backupDatabase, checkDatabase, restoreDatabase } from './backup';
import { migrations } from './migrations';
import { openSqliteStore } from './sqlite-store';

describe('online backup and restore', () => {
  let s: TestServer;
  let a: TestDevice;
  beforeEach(async () => {
    s = await startTestServer();
    a = await registerDevice(s.app, 'enq.koro');
  });
  afterEach(async () => {
    await s.close();
  });

  it('copies a consistent database while pushes continue, and a restore changes the epoch', async () => {
    // Enough records that the copy takes several steps (200 pages each): the pushes below land
    // between them. With a one-step copy nothing could overlap and the test would prove nothing.
    const initial = 400;
    for (let first = 1; first <= initial; first += 200)
      await push(
        s.app,
        a,
        Array.from({ length: 200 }, (_, i) => createMutation(first + i, ciblage(first + i, a))),
      );
    const target = path.join(s.dir, 'backups', 'copy.sqlite');
    // An object, not a `let`: the compiler cannot see the copy's callback clearing it.
    const copyState = { running: true };
    let answeredDuringCopy = 0;
    const pushes = (async () => {
      for (let i = 0; i < 10; i++) {
        const n = initial + 1 + i;
        const res = await push(s.app, a, [createMutation(n, ciblage(n, a))]);
        expect(res.statusCode).toBe(200);
        if (copyState.running) answeredDuringCopy++;
      }
    })();
    const [copy] = await Promise.all([
      backupDatabase(path.join(s.dir, 'jigi.sqlite'), target).finally(() => {
        copyState.running = false;
      }),
      pushes,
    ]);
    expect(copy.pages).toBeGreaterThan(400);
    expect(answeredDuringCopy, 'no push committed while the copy ran').toBeGreaterThan(0);
    const check = checkDatabase(target);
    expect(check.ok).toBe(true);
    expect(check.userVersion).toBe(migrations.length);
    // One consistent state: every record of the first pushes, and a prefix of the later ones.
    expect(check.records).toBeGreaterThanOrEqual(initial);
    expect(check.records).toBeLessThanOrEqual(initial + 10);

    const { body } = await pull(s.app, a);
    const restoredFile = path.join(s.dir, 'restored.sqlite');
    const { epoch } = restoreDatabase(target, restoredFile);
    const restored = openSqliteStore(restoredFile);
    try {
      expect(await restored.read((tx) => tx.meta.epoch())).toBe(epoch);
      expect(body.nextCursor.startsWith(`${epoch}.`)).toBe(false);
      expect((await restored.read((tx) => tx.sync.recordById(ciblage(1, a).id)))?.version).toBe(1);
    } finally {
      await restored.close();
    }
  });
});
