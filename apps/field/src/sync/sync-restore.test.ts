import path from 'node:path';
import { startFaultyLink, type FaultyLink } from '@jigi/testkit';
import { afterAll, describe, expect, it } from 'vitest';
import { db } from '../storage/db';
import { startRestoredServer } from './test-support/real-server';
import { registerTablet } from './test-support/tablet';
import {
  editGoats,
  finalise,
  household,
  pulls,
  startWorld,
  type World,
} from './test-support/world';

// The server restored from a backup ("a 410 keeps the outbox, refetches, and re-pushes"):
// it lost what the tablet pushed after the backup, and its cursors changed epoch. The tablet keeps its
// outbox, renumbers after the 409 gap, pulls from scratch and sends again what the server lost.

let world: World | undefined;
let restored: { url: string; store: World['server']['store']; stop(): Promise<void> } | undefined;
let link2: FaultyLink | undefined;
afterAll(async () => {
  await link2?.stop();
  await restored?.stop();
  await world?.stop();
});

describe('server restored from a backup', () => {
  it('nothing acknowledged before is lost: the tablet resyncs and re-pushes', async () => {
    world = await startWorld();
    const t = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'enq.koro',
    });
    const a = household({ agentId: t.userId, deviceId: t.deviceId, n: 1 });
    const b = household({ agentId: t.userId, deviceId: t.deviceId, n: 2 });
    await finalise(a, t.userId);
    await finalise(b, t.userId);
    expect((await t.engine.sync()).ok).toBe(true);
    const backup = path.join(world.server.dir, 'backup.sqlite');
    await world.server.backup(backup);

    // After the backup: an edit of A and a new record C, both acknowledged by the old server.
    await editGoats(a.id, t.userId, 19);
    const c = household({ agentId: t.userId, deviceId: t.deviceId, n: 3 });
    await finalise(c, t.userId);
    expect((await t.engine.sync()).ok).toBe(true);
    expect(
      (await world.server.store.read((tx) => tx.accounts.deviceById(t.deviceId)))?.lastMutationId,
    ).toBe(4);

    restored = await startRestoredServer(backup, 'restored1');
    link2 = await startFaultyLink({ upstream: restored.url, seed: 2 });
    expect(await restored.store.read((tx) => tx.sync.recordById(c.id))).toBeUndefined();
    expect(
      (await restored.store.read((tx) => tx.accounts.deviceById(t.deviceId)))?.lastMutationId,
    ).toBe(2);

    // One more edit, made before the tablet knows: it goes first and meets the 409 gap.
    await editGoats(b.id, t.userId, 7);
    const tab = t.newTab({
      transport: { baseUrl: link2.url, fetch: (...args) => fetch(...args), now: () => Date.now() },
    });
    const outcome = await tab.sync();
    expect(outcome.ok).toBe(true);
    const statuses = link2.stats.log.map(
      (r) => `${r.method} ${r.path.split('?')[0] ?? ''} ${r.status ?? '-'}`,
    );
    expect(statuses).toContain('POST /api/sync/push 409');
    expect(statuses).toContain('GET /api/sync/pull 410');
    expect(pulls(link2).filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(1);

    expect(await restored.store.read((tx) => tx.sync.recordById(a.id))).toMatchObject({
      data: { livestock: { goats: 19 } },
    });
    expect(await restored.store.read((tx) => tx.sync.recordById(b.id))).toMatchObject({
      data: { livestock: { goats: 7 } },
    });
    expect((await restored.store.read((tx) => tx.sync.recordById(c.id)))?.data).toEqual(c);
    expect(await db().outbox.count()).toBe(0);
    for (const id of [a.id, b.id, c.id]) {
      const local = await db().records.get(id);
      expect(local?.syncStatus).toBe('synced');
      expect(local?.record).toEqual(
        (await restored.store.read((tx) => tx.sync.recordById(id)))?.data,
      );
      expect(local?.serverVersion).toBe(
        (await restored.store.read((tx) => tx.sync.recordById(id)))?.version,
      );
    }
    expect((await db().syncState.get(t.userId))?.pullCursor?.startsWith('restored1.')).toBe(true);
  }, 60_000);
});
