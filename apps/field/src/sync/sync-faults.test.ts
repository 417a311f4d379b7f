import { generateHouseholds, LinkFault } from '@jigi/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../storage/db';
import { syncBatches } from '../storage/sync-types';
import { registerTablet } from './test-support/tablet';
import {
  editGoats,
  finalise,
  household,
  KORO_VILLAGE,
  pushes,
  startWorld,
  type World,
} from './test-support/world';
import type { AnyRecord } from '../storage/types';
import { syncHistory } from '../storage/sync-receipts';

// Network faults the sync engine must survive, each scripted on the testkit link so the test knows exactly
// which request fails; the assertions are exactly-once on the server and request counts on the link.

let world: World;
beforeAll(async () => {
  world = await startWorld();
}, 30_000);
afterAll(async () => {
  await world.stop();
});

/** Scripts the fate of the next push requests (by order of arrival), then lets everything through. */
function failNextPushes(faults: LinkFault[]): void {
  const queue = [...faults];
  world.link.configure({
    hook: (_i, req) => (req.url?.startsWith('/api/sync/push') ? queue.shift() : undefined),
  });
}

describe('faults on the way', () => {
  it('a response dropped after commit: the same bytes go again and the server answers from its stored results', async () => {
    const t = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'enq.koro',
    });
    const r = household({ agentId: t.userId, deviceId: t.deviceId });
    await finalise(r, t.userId);
    failNextPushes([LinkFault.drop_response]);
    const before = pushes(world.link).length;
    const outcome = await t.engine.sync();
    expect(outcome.ok).toBe(true);
    const sent = pushes(world.link).slice(before);
    expect(sent.map((p) => p.fault)).toEqual([LinkFault.drop_response, LinkFault.pass]);
    expect(sent[0]?.bytesUp).toBe(sent[1]?.bytesUp);
    expect((await world.server.store.read((tx) => tx.sync.recordById(r.id)))?.version).toBe(1);
    expect(
      (await world.server.store.read((tx) => tx.accounts.deviceById(t.deviceId)))?.lastMutationId,
    ).toBe(1);
    // The replay made no new review batch: the receipt counts it as already received (« lot déjà reçu »).
    expect(outcome.ok && outcome.receipt).toMatchObject({
      sent: 1,
      accepted: 1,
      batchNos: [],
      replayedBatches: 1,
    });
    expect(await db().records.get(r.id)).toMatchObject({ syncStatus: 'synced', serverVersion: 1 });
  });

  it('a connection cut mid-body: nothing committed, the batch goes again whole, smaller batches follow', async () => {
    const t = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'enq.koro',
    });
    const records = Array.from({ length: 6 }, (_, i) =>
      household({ agentId: t.userId, deviceId: t.deviceId, n: i + 1 }),
    );
    for (const r of records) await finalise(r, t.userId);
    const capBefore = t.engine.batchCapBytes;
    failNextPushes([LinkFault.cut_request]);
    const before = pushes(world.link).length;
    expect((await t.engine.sync()).ok).toBe(true);
    const sent = pushes(world.link).slice(before);
    expect(sent[0]?.fault).toBe(LinkFault.cut_request);
    expect(sent.slice(1).every((p) => p.fault === LinkFault.pass && p.status === 200)).toBe(true);
    for (const r of records)
      expect((await world.server.store.read((tx) => tx.sync.recordById(r.id)))?.version).toBe(1);
    expect(
      (await world.server.store.read((tx) => tx.accounts.deviceById(t.deviceId)))?.lastMutationId,
    ).toBe(6);
    // The cut halved the cap (it grows back only after full batches).
    expect(t.engine.batchCapBytes).toBeLessThan(capBefore);
    expect(await db().outbox.count()).toBe(0);
  });

  it('the same batch sent twice at once (two tabs without a lock): exactly once', async () => {
    const noLock = {
      run: async <T>(_n: string, fn: () => Promise<T>) => ({
        acquired: true as const,
        value: await fn(),
      }),
    };
    const t = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'enq.koro',
      lock: noLock,
    });
    const r = household({ agentId: t.userId, deviceId: t.deviceId });
    await finalise(r, t.userId);
    const other = t.newTab();
    const before = pushes(world.link).length;
    const [a, b] = await Promise.all([t.engine.sync(), other.sync()]);
    expect(a.ok && b.ok).toBe(true);
    const sent = pushes(world.link).slice(before);
    expect(sent).toHaveLength(2);
    expect(sent[0]?.bytesUp).toBe(sent[1]?.bytesUp);
    expect((await world.server.store.read((tx) => tx.sync.recordById(r.id)))?.version).toBe(1);
    const receipts = [a, b].map((o) => (o.ok ? o.receipt : null));
    // One tab acknowledged the mutation, the other found it already gone from the outbox.
    expect(receipts.map((x) => x?.sent ?? 0).sort()).toEqual([0, 1]);
    expect(await db().outbox.count()).toBe(0);
  });

  it('two tabs with Web Locks: one syncs, the other steps aside', async () => {
    const t = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'enq.koro',
    });
    for (let n = 1; n <= 3; n++)
      await finalise(household({ agentId: t.userId, deviceId: t.deviceId, n }), t.userId);
    const second = t.newTab();
    const before = world.link.stats.requests;
    const [a, b] = await Promise.all([t.engine.sync(), second.sync()]);
    expect([a, b].filter((o) => !o.ok && o.busy)).toHaveLength(1);
    expect(world.link.stats.requests - before).toBe(2);
    expect(await db().outbox.count()).toBe(0);
  });

  it('an edit made while a push is in flight waits behind the frozen batch and goes in the same sync', async () => {
    const t = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'enq.koro',
    });
    const r = household({ agentId: t.userId, deviceId: t.deviceId });
    await finalise(r, t.userId);
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let first = true;
    world.link.configure({
      hook: (_i, req) => {
        if (!req.url?.startsWith('/api/sync/push') || !first) return undefined;
        first = false;
        return { delayMs: 400 };
      },
    });
    const before = pushes(world.link).length;
    const syncing = t.engine.sync();
    // The create is frozen and on its way; the user edits the record meanwhile.
    await new Promise((resolve) => setTimeout(resolve, 150));
    const frozen = await syncBatches(db()).toArray();
    expect(frozen).toHaveLength(1);
    const frozenBody = frozen[0]?.body;
    await editGoats(r.id, t.userId, 13);
    expect((await syncBatches(db()).toArray())[0]?.body).toBe(frozenBody);
    release();
    await held;
    expect((await syncing).ok).toBe(true);
    expect(pushes(world.link).length - before).toBe(2);
    expect(await world.server.store.read((tx) => tx.sync.recordById(r.id))).toMatchObject({
      version: 2,
      data: { livestock: { goats: 13 } },
    });
    expect(await db().records.get(r.id)).toMatchObject({
      syncStatus: 'synced',
      serverVersion: 2,
      record: { livestock: { goats: 13 } },
    });
    expect(await db().outbox.count()).toBe(0);
    world.link.configure({ hook: () => undefined });
  });

  it('timeouts halve the cap and the frozen batch is split to fit; every mutation still arrives once', async () => {
    const t = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'enq.koro',
      engine: { limits: { pushBaseTimeoutMs: 250, floorBytesPerSec: 1e9 } },
    });
    const records = generateHouseholds({ seed: 9, count: 40 }).map((h): AnyRecord => ({
      ...h,
      villageId: KORO_VILLAGE,
      agentId: t.userId,
      deviceId: t.deviceId,
    }));
    for (const r of records) await finalise(r, t.userId);
    let held = 0;
    world.link.configure({
      hook: (_i, req) =>
        req.url?.startsWith('/api/sync/push') && held++ < 2 ? { delayMs: 1_500 } : undefined,
    });
    const before = pushes(world.link).length;
    const cap = t.engine.batchCapBytes;
    expect((await t.engine.sync()).ok).toBe(true);
    const sent = pushes(world.link).slice(before);
    // Two attempts time out (held by the link); the cap falls from 32 KB to 8 KB and the frozen batch
    // (all 40 households, ~20 KB gzip) is split: every answered push fits the new cap (+25 %, + heads).
    expect(sent.slice(0, 2).map((p) => p.status)).toEqual([undefined, undefined]);
    const answered = sent.slice(2);
    expect(answered.every((p) => p.status === 200)).toBe(true);
    expect(answered.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...answered.map((p) => p.bytesUp))).toBeLessThan(8_000 * 1.25 + 600);
    expect(answered.reduce((n, p) => n + p.bytesUp, 0)).toBeGreaterThan(15_000);
    // Full batches acknowledged after that grow the cap back (8 → 16 → 32 KB).
    expect(t.engine.batchCapBytes).toBe(cap);
    // A sync with timeouts is no evidence for the next app start: it resumes at most the initial cap.
    expect((await db().syncState.get(t.userId))?.pushSizing).toMatchObject({ clean: false });
    await new Promise((r) => setTimeout(r, 1_600));
    for (const r of records)
      expect((await world.server.store.read((tx) => tx.sync.recordById(r.id)))?.version).toBe(1);
    expect(
      (await world.server.store.read((tx) => tx.accounts.deviceById(t.deviceId)))?.lastMutationId,
    ).toBe(40);
    expect(await db().outbox.count()).toBe(0);
    world.link.configure({ hook: () => undefined });
  });

  it('offline: automatic attempts fail without a trace in the history and lose nothing; back online, all goes', async () => {
    const t = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'enq.koro',
    });
    const r = household({ agentId: t.userId, deviceId: t.deviceId });
    await finalise(r, t.userId);
    world.link.configure({ offline: true });
    const failed = await t.engine.sync('timer');
    expect(failed).toMatchObject({
      ok: false,
      busy: false,
      retryable: true,
      error: { kind: 'network' },
    });
    expect(t.engine.progress.getSnapshot().phase).toBe('failed');
    expect(await db().outbox.count()).toBe(1);
    const history = await syncHistory(t.userId);
    expect(history.ok && history.value).toHaveLength(0);
    world.link.configure({ offline: false });
    expect((await t.engine.sync('online')).ok).toBe(true);
    expect((await world.server.store.read((tx) => tx.sync.recordById(r.id)))?.version).toBe(1);
  });
});
