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
    await push(
      s.app,
      a,
      Array.from({ length: 20 }, (_, i) => createMutation(i + 1, ciblage(i + 1, a))),
    );
    const target = path.join(s.dir, 'backups', 'copy.sqlite');
    const pushes = (async () => {
      for (let i = 0; i < 10; i++) {
        const res = await push(s.app, a, [createMutation(21 + i, ciblage(21 + i, a))]);
        expect(res.statusCode).toBe(200);
      }
    })();
    const [copy] = await Promise.all([
      backupDatabase(path.join(s.dir, 'jigi.sqlite'), target),
      pushes,
    ]);
    expect(copy.pages).toBeGreaterThan(0);
    const check = checkDatabase(target);
    expect(check.ok).toBe(true);
    expect(check.userVersion).toBe(migrations.length);
    expect(check.records).toBeGreaterThanOrEqual(20);
    expect(check.records).toBeLessThanOrEqual(30);

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
