import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../storage/db';
import { registerTablet } from './test-support/tablet';
import { editGoats, finalise, household, startWorld, type World } from './test-support/world';

// Tablet clocks reset to 2001 (flat battery) or set a year ahead: the server's
// order decides, never the clocks; the offset is estimated and reaches the server's batch for audit.

let world: World;
beforeAll(async () => {
  world = await startWorld({ latencyMs: 40 });
}, 30_000);
afterAll(async () => {
  await world.stop();
});

const YEAR = 365 * 86_400_000;

describe('skewed tablet clocks', () => {
  it('a tablet at 2001 and one a year ahead: offsets estimated, order by arrival, not by clock', async () => {
    const serverNow = world.server.clock.now.getTime();
    const skew2001 = Date.now() - Date.parse('2001-01-01T00:00:00.000Z');
    const old = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'enq.koro',
      clock: () => Date.now() - skew2001,
    });
    const oldNow = () => new Date(Date.now() - skew2001).toISOString();
    const r = household({ agentId: old.userId, deviceId: old.deviceId });
    await finalise(r, old.userId, oldNow());
    const first = await old.engine.sync();
    expect(first.ok).toBe(true);
    const expected2001 = serverNow - (Date.now() - skew2001);
    const stored = await db().syncState.get(old.userId);
    expect(Math.abs((stored?.clockOffsetMs ?? 0) - expected2001)).toBeLessThan(5_000);
    const receipt = first.ok ? first.receipt : null;
    expect(Math.abs((receipt?.clockOffsetMs ?? 0) - expected2001)).toBeLessThan(5_000);
    // The server's batch carries the offset for the supervisor's review.
    const batch = await world.server.store.read((tx) =>
      tx.sync.batchByNumber(receipt?.batchNos[0] ?? 0),
    );
    expect(batch?.clientTime.startsWith('2001-01-01')).toBe(true);
    expect(Math.abs((batch?.clockOffsetMs ?? 0) - expected2001)).toBeLessThan(5_000);

    const ahead = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'enq.koro',
      clock: () => Date.now() + YEAR,
    });
    expect((await ahead.engine.sync()).ok).toBe(true);
    const aheadState = await db().syncState.get(ahead.userId);
    expect(
      Math.abs((aheadState?.clockOffsetMs ?? 0) - (serverNow - (Date.now() + YEAR))),
    ).toBeLessThan(5_000);
    expect(aheadState?.clockOffsetMs).toBeLessThan(-YEAR + 86_400_000 * 200);

    // The year-ahead tablet edits first (its clock says 2027), the 2001 tablet second: the later
    // arrival wins a non-critical field whatever the clocks say.
    await editGoats(r.id, ahead.userId, 21, new Date(Date.now() + YEAR).toISOString());
    expect((await ahead.engine.sync()).ok).toBe(true);
    old.use();
    await editGoats(r.id, old.userId, 4, oldNow());
    expect((await old.engine.sync()).ok).toBe(true);
    expect(await world.server.store.read((tx) => tx.sync.recordById(r.id))).toMatchObject({
      version: 3,
      data: { livestock: { goats: 4 } },
    });
    ahead.use();
    expect((await ahead.engine.sync()).ok).toBe(true);
    expect(await db().records.get(r.id)).toMatchObject({
      syncStatus: 'synced',
      serverVersion: 3,
      record: { livestock: { goats: 4 } },
    });
  });
});
