import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../storage/db';
import { SyncScheduler } from './scheduler';
import { DEMO_PASSWORD } from './test-support/real-server';
import { registerTablet } from './test-support/tablet';
import { finalise, household, startWorld, type World } from './test-support/world';

// A lost tablet revoked by an admin (docs/architecture.md §5): its sync is refused at once, nothing local is
// dropped, and the scheduler stops retrying (a revoked token will not start working by waiting).

let world: World;
beforeAll(async () => {
  world = await startWorld();
}, 30_000);
afterAll(async () => {
  await world.stop();
});

describe('a revoked tablet', () => {
  it('is refused with a non-retryable auth error; the outbox is kept and the timer stops', async () => {
    const t = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'enq.koro',
    });
    const r = household({ agentId: t.userId, deviceId: t.deviceId });
    await finalise(r, t.userId);
    const login = await fetch(`${world.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password: DEMO_PASSWORD }),
    });
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    const revoked = await fetch(`${world.server.url}/api/admin/devices/${t.deviceId}/revoke`, {
      method: 'POST',
      headers: { cookie, Origin: world.server.url },
    });
    expect(revoked.status).toBe(200);

    const scheduled: (number | undefined)[] = [];
    let timersSet = 0;
    const timers = { setTimeout: () => ++timersSet, clearTimeout: () => undefined, now: () => 0 };
    let outcome: Awaited<ReturnType<typeof t.engine.sync>> | undefined;
    const scheduler = new SyncScheduler({
      sync: async (trigger) => (outcome = await t.engine.sync(trigger)),
      onSchedule: (at) => scheduled.push(at),
      timers,
    });
    scheduler.start();
    await expect.poll(() => outcome).toBeDefined();
    await new Promise((r) => setTimeout(r, 0));
    expect(outcome).toMatchObject({
      ok: false,
      busy: false,
      retryable: false,
      error: { kind: 'http', status: 401, errorKind: 'auth' },
    });
    expect(scheduled).toEqual([undefined]);
    expect(timersSet).toBe(0);
    expect(t.engine.progress.getSnapshot()).toMatchObject({
      phase: 'failed',
      error: { kind: 'auth' },
    });
    expect(await db().outbox.count()).toBe(1);
    expect(await world.server.store.read((tx) => tx.sync.recordById(r.id))).toBeUndefined();
    scheduler.stop();
  });
});
