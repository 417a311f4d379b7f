import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../storage/db';
import type { SyncRecordRow } from '../storage/sync-types';
import { DEMO_PASSWORD } from './test-support/real-server';
import { registerTablet } from './test-support/tablet';
import { finalise, household, startWorld, type World } from './test-support/world';

// « En attente d'arbitrage » end to end: two tablets change a critical field from the same version;
// the second goes to the supervisor's queue, the tablet shows it waiting, and the supervisor's
// resolution (on the real review API) reaches both tablets by pull.

let world: World;
beforeAll(async () => {
  world = await startWorld();
}, 30_000);
afterAll(async () => {
  await world.stop();
});

async function supervisorSession(): Promise<string> {
  const res = await fetch(`${world.server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: 'sup.koro', password: DEMO_PASSWORD }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

describe('a conflict on a critical field', () => {
  it('waits for the supervisor on the tablet, and the resolution arrives by pull', async () => {
    const a = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'enq.koro',
    });
    const r = household({ agentId: a.userId, deviceId: a.deviceId });
    await finalise(r, a.userId);
    expect((await a.engine.sync()).ok).toBe(true);
    const b = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'enq.koro',
    });
    expect((await b.engine.sync()).ok).toBe(true);
    expect(await db().records.get(r.id)).toMatchObject({ syncStatus: 'synced', serverVersion: 1 });

    a.use();
    await finalise({ ...r, householdCode: 'KOR-DIO-001-AK-0501' }, a.userId);
    expect((await a.engine.sync()).ok).toBe(true);
    b.use();
    await finalise({ ...r, householdCode: 'KOR-DIO-001-AK-0502' }, b.userId);
    const outcome = await b.engine.sync();
    expect(outcome.ok && outcome.receipt).toMatchObject({
      sent: 1,
      accepted: 1,
      conflicts: 1,
      rejected: 0,
    });
    const waiting = (await db().records.get(r.id)) as SyncRecordRow;
    expect(waiting.syncStatus).toBe('conflict');
    expect(waiting.conflictPaths).toEqual(['householdCode']);
    // The server kept the first value; the tablet shows the server's content while it waits.
    expect(waiting.record['householdCode']).toBe('KOR-DIO-001-AK-0501');

    const cookie = await supervisorSession();
    const list = (await (
      await fetch(`${world.server.url}/api/review/conflicts`, { headers: { cookie } })
    ).json()) as { conflicts: { id: string; recordId: string }[] };
    const conflict = list.conflicts.find((c) => c.recordId === r.id);
    expect(conflict).toBeDefined();
    const resolved = await fetch(
      `${world.server.url}/api/review/conflicts/${conflict?.id ?? ''}/resolve`,
      {
        method: 'POST',
        headers: { cookie, 'Content-Type': 'application/json', Origin: world.server.url },
        body: JSON.stringify({ choice: 'incoming' }),
      },
    );
    expect(resolved.status).toBe(200);

    const before = world.link.stats.requests;
    expect((await b.engine.sync()).ok).toBe(true);
    expect(world.link.stats.requests - before).toBe(1);
    expect(await db().records.get(r.id)).toMatchObject({
      syncStatus: 'synced',
      conflictPaths: [],
      record: { householdCode: 'KOR-DIO-001-AK-0502' },
    });
    a.use();
    expect((await a.engine.sync()).ok).toBe(true);
    expect(await db().records.get(r.id)).toMatchObject({
      syncStatus: 'synced',
      record: { householdCode: 'KOR-DIO-001-AK-0502' },
    });
  });
});
