import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../storage/db';
import { syncHistory } from '../storage/sync-receipts';
import { syncBatches, type SyncRecordRow } from '../storage/sync-types';
import type { SyncPhase } from './progress';
import { generateHouseholds } from '@jigi/testkit';
import type { AnyRecord } from '../storage/types';
import { registerTablet } from './test-support/tablet';
import {
  editGoats,
  finalise,
  household,
  KORO_VILLAGE,
  pulls,
  pushes,
  startWorld,
  type World,
} from './test-support/world';

// The engine against the real server through the testkit link, no faults: what a sync costs in
// requests, what it leaves in the tablet database, and what the user sees (progress, receipt).

let world: World;
beforeAll(async () => {
  world = await startWorld();
}, 30_000);
afterAll(async () => {
  await world.stop();
});

describe('a sync with no faults', () => {
  it('pushes then pulls, leaves a receipt, and a sync with nothing to do costs one round trip', async () => {
    const t = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'enq.koro',
    });
    const records = [1, 2, 3].map((n) => household({ agentId: t.userId, deviceId: t.deviceId, n }));
    for (const r of records) await finalise(r, t.userId);
    const phases: SyncPhase[] = [];
    const unsubscribe = t.engine.progress.subscribe(() => {
      const p = t.engine.progress.getSnapshot().phase;
      if (phases.at(-1) !== p) phases.push(p);
    });
    const before = world.link.stats.requests;

    const outcome = await t.engine.sync('manual');
    expect(outcome.ok).toBe(true);
    expect(world.link.stats.requests - before).toBe(2);
    expect(phases).toEqual(['waiting', 'pushing', 'pulling', 'done']);
    const progress = t.engine.progress.getSnapshot();
    expect(progress).toMatchObject({ sent: 3, toSend: 3 });
    expect(progress.bytesUp).toBeGreaterThan(1_000);
    expect(progress.bytesDown).toBeGreaterThan(1_000);

    expect(await db().outbox.count()).toBe(0);
    expect(await syncBatches(db()).count()).toBe(0);
    const rows = (await db().records.bulkGet(records.map((r) => r.id))) as SyncRecordRow[];
    expect(rows.map((r) => [r.syncStatus, r.serverVersion])).toEqual([
      ['synced', 1],
      ['synced', 1],
      ['synced', 1],
    ]);
    for (const r of records)
      expect((await world.server.store.read((tx) => tx.sync.recordById(r.id)))?.data).toEqual(r);
    // The push said what the tablet still held beyond it (nothing): the back office shows it.
    const device = await world.server.store.read((tx) => tx.accounts.deviceById(t.deviceId));
    expect(device?.reportedUnsynced).toBe(0);

    const history = await syncHistory(t.userId);
    expect(history.ok && history.value).toHaveLength(1);
    const receipt = history.ok ? history.value[0] : undefined;
    expect(receipt).toMatchObject({ sent: 3, accepted: 3, rejected: 0, conflicts: 0, requests: 2 });
    expect(receipt?.batchNos).toHaveLength(1);
    expect(outcome.ok && outcome.receipt?.batchNo).toBe(receipt?.batchNos[0]);

    // Nothing changed: one pull, no push, no receipt.
    const again = world.link.stats.requests;
    const pushesBefore = pushes(world.link).length;
    expect((await t.engine.sync('timer')).ok).toBe(true);
    expect(world.link.stats.requests - again).toBe(1);
    const idle = world.link.stats.log.at(-1);
    console.info(
      `nothing-changed sync: 1 request, ${idle?.bytesUp ?? 0} B up, ${idle?.bytesDown ?? 0} B down`,
    );
    expect((idle?.bytesUp ?? 0) + (idle?.bytesDown ?? 0)).toBeLessThan(2_000);
    expect(pushes(world.link).length).toBe(pushesBefore);
    const after = await syncHistory(t.userId);
    expect(after.ok && after.value).toHaveLength(1);
    unsubscribe();
  });

  it('an edit goes as a patch from the acknowledged version; the record is synced at version 2', async () => {
    const t = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'enq.koro',
    });
    const r = household({ agentId: t.userId, deviceId: t.deviceId });
    await finalise(r, t.userId);
    expect((await t.engine.sync()).ok).toBe(true);
    await editGoats(r.id, t.userId, 9);
    await editGoats(r.id, t.userId, 11);
    const pullsBefore = pulls(world.link).length;
    const pushesBefore = pushes(world.link).length;
    expect((await t.engine.sync()).ok).toBe(true);
    // Two edits offline, compacted: one push carrying one patch.
    expect(pushes(world.link).length - pushesBefore).toBe(1);
    expect(pulls(world.link).length - pullsBefore).toBe(1);
    expect(await world.server.store.read((tx) => tx.sync.recordById(r.id))).toMatchObject({
      version: 2,
      data: { livestock: { goats: 11 } },
    });
    expect(await db().records.get(r.id)).toMatchObject({
      syncStatus: 'synced',
      serverVersion: 2,
      record: { livestock: { goats: 11 } },
    });
  });

  it('a record the server rejects is marked with its reason and goes again after correction', async () => {
    const t = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'enq.koro',
    });
    const outside = {
      ...household({ agentId: t.userId, deviceId: t.deviceId }),
      villageId: 'village-gao-demo-1',
    };
    const good = household({ agentId: t.userId, deviceId: t.deviceId, n: 2 });
    await finalise(outside, t.userId);
    await finalise(good, t.userId);
    const outcome = await t.engine.sync();
    expect(outcome.ok && outcome.receipt).toMatchObject({
      sent: 2,
      accepted: 1,
      rejected: 1,
      rejections: [{ recordId: outside.id, code: 'forbidden' }],
    });
    const row = (await db().records.get(outside.id)) as SyncRecordRow;
    expect(row.syncStatus).toBe('rejected');
    expect(row.rejection?.code).toBe('forbidden');
    expect(row.rejection?.message).toMatch(/hors de vos zones/);
    expect(await db().outbox.count()).toBe(0);
    // Corrected (moved to the user's own village) and finalised again: a new create, accepted.
    await finalise({ ...outside, villageId: 'village-koro-demo-2' }, t.userId);
    const second = await t.engine.sync();
    expect(second.ok && second.receipt).toMatchObject({ sent: 1, accepted: 1, rejected: 0 });
    expect(await db().records.get(outside.id)).toMatchObject({
      syncStatus: 'synced',
      serverVersion: 1,
    });
    expect(
      (await world.server.store.read((tx) => tx.sync.recordById(outside.id)))?.data['villageId'],
    ).toBe('village-koro-demo-2');
  });

  it('a clean sync leaves its grown cap for the next app start, whose first batch is larger; pull pages grow', async () => {
    const t = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'enq.koro',
    });
    const made = generateHouseholds({ seed: 21, count: 300 }).map((h): AnyRecord => ({
      ...h,
      villageId: KORO_VILLAGE,
      agentId: t.userId,
      deviceId: t.deviceId,
    }));
    for (const r of made.slice(0, 200)) await finalise(r, t.userId);
    const pushesBefore = pushes(world.link).length;
    expect((await t.engine.sync()).ok).toBe(true);
    // The slow start: 32 KB of gzip first, then twice that after each full batch.
    expect(pushes(world.link).length - pushesBefore).toBeGreaterThanOrEqual(3);
    const stored = (await db().syncState.get(t.userId))?.pushSizing;
    expect(stored).toMatchObject({ clean: true, capBytes: t.engine.batchCapBytes });
    expect(stored?.capBytes).toBeGreaterThan(64_000);

    // The app opens again (a new engine): the 100 next households go in one batch.
    for (const r of made.slice(200)) await finalise(r, t.userId);
    const again = pushes(world.link).length;
    expect((await t.newTab().sync()).ok).toBe(true);
    expect(pushes(world.link).length - again).toBe(1);

    // A fresh tablet pulls the user's records in pages that grow (the link answers fast).
    const fresh = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'enq.koro',
    });
    const pullsBefore = pulls(world.link).length;
    expect((await fresh.engine.sync()).ok).toBe(true);
    const asked = pulls(world.link)
      .slice(pullsBefore)
      .map((r) => Number(new URL(r.path, 'http://x').searchParams.get('maxBytes')));
    expect(asked[0]).toBe(256_000);
    expect(asked.at(-1)).toBeGreaterThan(256_000);
    expect(await db().records.count()).toBeGreaterThanOrEqual(300);
  }, 60_000);
});
