import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../storage/db';
import { searchTextOf } from '../storage/search-text';
import type { OutboxRow, RecordRow } from '../storage/types';
import { registerTablet } from './test-support/tablet';
import { generateHouseholds } from '@jigi/testkit';
import type { AnyRecord } from '../storage/types';
import { KORO_VILLAGE, pushes, startWorld, type World } from './test-support/world';

// A tablet offline for weeks: 3 000 pending mutations, pushed in many byte-capped batches over a link
// that drops answers after commit and cuts bodies (seeded), synced until done.

let world: World;
beforeAll(async () => {
  world = await startWorld({ seed: 3000, dropResponseAfterCommit: 0.12, cutRequestMidBody: 0.12 });
}, 30_000);
afterAll(async () => {
  await world.stop();
});

const COUNT = 3_000;

describe('3 000 pending mutations over a dropping link', () => {
  it('all arrive exactly once, in many batches, and the outbox empties', async () => {
    const t = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'enq.koro',
      engine: { limits: { maxFailuresInRow: 3 } },
    });
    const now = '2026-03-14T18:00:00.000Z';
    // Realistic, varied households (they compress like real ones), moved to the user's village.
    const records = generateHouseholds({ seed: 5, count: COUNT }).map((h): AnyRecord => ({
      ...h,
      villageId: KORO_VILLAGE,
      agentId: t.userId,
      deviceId: t.deviceId,
    }));
    // The rows finaliseRecord writes (record + create mutation), written in bulk to keep the test short.
    await db().transaction('rw', db().records, db().outbox, async () => {
      await db().records.bulkAdd(
        records.map((record): RecordRow => ({
          id: record.id,
          type: record.type,
          agentId: t.userId,
          villageId: String(record['villageId']),
          record,
          syncStatus: 'finalised',
          serverVersion: null,
          baseVersion: null,
          finalisedAt: now,
          updatedAt: now,
          searchText: searchTextOf(record),
        })),
      );
      await db().outbox.bulkAdd(
        records.map((record): OutboxRow => ({
          userId: t.userId,
          recordId: record.id,
          recordType: record.type,
          op: 'create',
          baseVersion: 0,
          record,
          clientTime: now,
          state: 'pending',
        })),
      );
    });

    const syncs: boolean[] = [];
    for (let i = 0; i < 60 && (syncs.length === 0 || !syncs.at(-1)); i++) {
      const outcome = await t.engine.sync('timer');
      syncs.push(outcome.ok);
    }
    expect(syncs.at(-1)).toBe(true);
    expect(await db().outbox.count()).toBe(0);
    expect(
      (await world.server.store.read((tx) => tx.accounts.deviceById(t.deviceId)))?.lastMutationId,
    ).toBe(COUNT);
    for (const r of records)
      expect((await world.server.store.read((tx) => tx.sync.recordById(r.id)))?.version).toBe(1);
    const synced = await db().records.where('syncStatus').equals('synced').count();
    expect(synced).toBe(COUNT);

    const sent = pushes(world.link);
    const ok = sent.filter((p) => p.status === 200 && p.fault === 'pass');
    // At most 200 mutations per push: at least 15 acknowledged pushes, and faults on the way.
    expect(ok.length).toBeGreaterThanOrEqual(15);
    expect(
      world.link.stats.faults.drop_response + world.link.stats.faults.cut_request,
    ).toBeGreaterThan(2);
    console.info(
      `3000 mutations: ${sent.length} pushes (${ok.length} answered), ${world.link.stats.faults.drop_response} drops, ${world.link.stats.faults.cut_request} cuts, ` +
        `${syncs.length} syncs, ${Math.round(sent.reduce((n, p) => n + p.bytesUp, 0) / 1024)} KiB up, cap now ${t.engine.batchCapBytes} B`,
    );
  }, 240_000);
});
