import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../storage/db';
import { leaveCheck } from '../storage/sync-session';
import { parseExportFile } from './export-file';
import { exportUnsynced } from './export-unsynced';
import { gunzipText, gzipText } from './gzip';
import { registerTablet } from './test-support/tablet';
import {
  editGoats,
  finalise,
  household,
  pushes,
  startWorld,
  type World,
} from './test-support/world';

// Export when sync is impossible (docs/architecture.md §4): the file's pushes go through the server's
// ordinary push path (the server's import does exactly that); importing twice, or importing and then
// syncing, changes nothing the second time. Logout is allowed once everything is synced or exported.

let world: World;
beforeAll(async () => {
  world = await startWorld();
}, 30_000);
afterAll(async () => {
  await world.stop();
});

describe('export of unsynced records', () => {
  it('exports frozen pushes, imports idempotently, then the tablet sync is answered from stored results', async () => {
    const t = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'enq.koro',
    });
    const a = household({ agentId: t.userId, deviceId: t.deviceId, n: 1 });
    const b = household({ agentId: t.userId, deviceId: t.deviceId, n: 2 });
    await finalise(a, t.userId);
    expect((await t.engine.sync()).ok).toBe(true);
    await finalise(b, t.userId);
    await editGoats(a.id, t.userId, 17);
    expect(await leaveCheck(t.userId)).toEqual({
      ok: true,
      value: { unsent: 2, exported: 0, rejected: 0 },
    });

    const exported = await exportUnsynced({
      userId: t.userId,
      now: '2026-03-16T08:00:00.000Z',
      newId: () => crypto.randomUUID(),
    });
    expect(exported.ok).toBe(true);
    if (!exported.ok) return;
    expect(exported).toMatchObject({ mutations: 2, batches: 1 });
    expect(exported.fileName).toMatch(/^jigi-export-.*\.json\.gz$/);
    expect(await leaveCheck(t.userId)).toEqual({
      ok: true,
      value: { unsent: 0, exported: 2, rejected: 0 },
    });

    const parsed = parseExportFile(await gunzipText(exported.bytes));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const token = (await db().syncState.get(t.userId))?.deviceToken ?? '';
    const importOnce = async () => {
      for (const push of parsed.file.pushes) {
        const res = await fetch(`${world.server.url}/api/sync/push`, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            'Content-Encoding': 'gzip',
            Authorization: `Bearer ${token}`,
          },
          body: (await gzipText(JSON.stringify(push))) as Uint8Array<ArrayBuffer>,
        });
        expect(res.status).toBe(200);
      }
    };
    await importOnce();
    expect(await world.server.store.read((tx) => tx.sync.recordById(a.id))).toMatchObject({
      version: 2,
      data: { livestock: { goats: 17 } },
    });
    expect((await world.server.store.read((tx) => tx.sync.recordById(b.id)))?.version).toBe(1);
    await importOnce();
    expect((await world.server.store.read((tx) => tx.sync.recordById(a.id)))?.version).toBe(2);
    expect(
      (await world.server.store.read((tx) => tx.accounts.deviceById(t.deviceId)))?.lastMutationId,
    ).toBe(3);

    // The tablet later syncs: the same frozen batch, answered from stored results.
    const before = pushes(world.link).length;
    const outcome = await t.engine.sync();
    expect(outcome.ok && outcome.receipt).toMatchObject({ sent: 2, accepted: 2, batchNos: [] });
    expect(pushes(world.link).length - before).toBe(1);
    expect((await world.server.store.read((tx) => tx.sync.recordById(a.id)))?.version).toBe(2);
    expect(await db().outbox.count()).toBe(0);
    expect(await leaveCheck(t.userId)).toEqual({
      ok: true,
      value: { unsent: 0, exported: 0, rejected: 0 },
    });
  });

  it('an edit after the export is unsent again (logout refused until the next export or sync)', async () => {
    const t = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'enq.koro',
    });
    const a = household({ agentId: t.userId, deviceId: t.deviceId });
    await finalise(a, t.userId);
    expect(
      (
        await exportUnsynced({
          userId: t.userId,
          now: '2026-03-16T08:00:00.000Z',
          newId: () => crypto.randomUUID(),
        })
      ).ok,
    ).toBe(true);
    await editGoats(a.id, t.userId, 3);
    expect(await leaveCheck(t.userId)).toEqual({
      ok: true,
      value: { unsent: 1, exported: 1, rejected: 0 },
    });
    const again = await exportUnsynced({
      userId: t.userId,
      now: '2026-03-16T09:00:00.000Z',
      newId: () => crypto.randomUUID(),
    });
    // The second file holds both batches: it stands alone even if the first file was lost.
    expect(again.ok && again.batches).toBe(2);
    expect(await leaveCheck(t.userId)).toEqual({
      ok: true,
      value: { unsent: 0, exported: 2, rejected: 0 },
    });
    expect((await t.engine.sync()).ok).toBe(true);
    expect(await world.server.store.read((tx) => tx.sync.recordById(a.id))).toMatchObject({
      version: 2,
      data: { livestock: { goats: 3 } },
    });
  });
});
