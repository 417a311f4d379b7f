import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropAllDataKeys } from '../storage/crypto/keyring';
import { db } from '../storage/db';
import { getRecord } from '../storage/records';
import { getUserKeys, recoverWithCode, unlockWithPin } from '../storage/user-keys';
import { exportUnsynced } from './export-unsynced';
import { DEMO_PASSWORD } from './test-support/real-server';
import { registerTablet } from './test-support/tablet';
import { finalise, household, startWorld, type World } from './test-support/world';

// A lost tablet (docs/tablet-security.md): after an admin revokes it, its next contact with the
// server deletes the share from the tablet, and nothing of the user's there opens again — while the
// key held at that moment still lets the user export what was not sent.

let world: World;
beforeAll(async () => {
  world = await startWorld();
}, 30_000);
afterAll(async () => {
  await world.stop();
});

async function revoke(deviceId: string): Promise<void> {
  const login = await fetch(`${world.server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login: 'admin', password: DEMO_PASSWORD }),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const res = await fetch(`${world.server.url}/api/admin/devices/${deviceId}/revoke`, {
    method: 'POST',
    headers: { cookie, Origin: world.server.url },
  });
  expect(res.status).toBe(200);
}

describe('keys of a revoked tablet', () => {
  it('an upgraded tablet binds its keys to the share at its first sync', async () => {
    const t = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'anim.koro',
      realKeys: { pin: '4321', withoutShare: true },
    });
    expect(await getUserKeys(t.userId)).toMatchObject({
      value: { pin: { shared: false }, pinShare: null },
    });
    expect((await t.engine.sync()).ok).toBe(true);
    expect(await getUserKeys(t.userId)).toMatchObject({
      value: { pin: { shared: true }, recovery: { shared: true }, pinShare: expect.any(String) },
    });
    dropAllDataKeys();
    expect(await unlockWithPin(t.userId, '4321')).toMatchObject({ value: { ok: true } });
  });

  it('the next contact after the revocation removes the share; then no PIN or code opens the data', async () => {
    const t = await registerTablet({
      serverUrl: world.server.url,
      linkUrl: world.link.url,
      login: 'enq.koro',
      realKeys: { pin: '2468' },
    });
    const r = household({ agentId: t.userId, deviceId: t.deviceId });
    await finalise(r, t.userId);
    await revoke(t.deviceId);

    const outcome = await t.engine.sync('manual');
    expect(outcome).toMatchObject({ ok: false, error: { kind: 'http', code: 'device_revoked' } });
    const keys = await getUserKeys(t.userId);
    expect(keys.ok && keys.value).toMatchObject({
      pinShare: null,
      recoveryShare: null,
      pinShareSealed: null,
      session: null,
      revokedAt: expect.any(String),
    });
    // Still unlocked in this page: the unsent record is offered for export first.
    const exported = await exportUnsynced({
      userId: t.userId,
      now: new Date().toISOString(),
      newId: () => crypto.randomUUID(),
    });
    expect(exported.ok).toBe(true);
    // Locked: the right PIN opens nothing, the rows stay on disk as ciphertext and are not shown.
    dropAllDataKeys();
    expect(await unlockWithPin(t.userId, '2468')).toEqual({
      ok: true,
      value: { ok: false, reason: 'revoked' },
    });
    const recovered = await recoverWithCode({ userId: t.userId, code: 'X', newPin: '1111' });
    expect(recovered).toEqual({ ok: true, value: { ok: false, reason: 'revoked' } });
    expect(await getRecord(r.id)).toEqual({ ok: true, value: undefined });
    expect(await db().records.count()).toBe(1);
  });
});
