import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  errorCode,
  loginSession,
  registerDevice,
  startTestServer,
  type TestServer,
} from '../../test-support/harness';
import { ciblage, createMutation, push } from '../../test-support/sync-client';
import type { AdminDevice, AdminUser, DevicesPage, UsersPage } from '@jigi/contract';

describe('admin accounts and tablets', () => {
  let s: TestServer;
  let admin: { cookie: string };
  beforeEach(async () => {
    s = await startTestServer();
    admin = await loginSession(s.app, 'admin');
  });
  afterEach(async () => {
    await s.close();
  });
  const call = (method: 'GET' | 'POST' | 'PATCH', url: string, payload?: object) =>
    s.app.inject({ method, url, headers: admin, ...(payload === undefined ? {} : { payload }) });

  it('creates an account whose zones must exist and read back by name; it can then register a tablet', async () => {
    const payload = {
      login: 'Enq.Bankass',
      name: 'Awa Dolo',
      role: 'enumerator',
      zones: ['mopti.bankass', 'village-koro-demo-1'],
      password: 'motdepasse1',
    };
    const typo = await call('POST', '/api/admin/users', { ...payload, zones: ['mopti.bankas'] });
    expect(typo.statusCode).toBe(400);
    expect(typo.json()).toMatchObject({
      error: { code: 'invalid_body', details: { field: 'zones', unknown: ['mopti.bankas'] } },
    });
    expect(typo.json<{ error: { message: string } }>().error.message).toContain('« mopti.bankas »');

    const created = await call('POST', '/api/admin/users', payload);
    expect(created.statusCode).toBe(201);
    const user = created.json<AdminUser>();
    expect(user).not.toHaveProperty('passwordHash');
    expect(user).toMatchObject({ login: 'enq.bankass', active: true });
    expect(user.zones).toEqual([
      { code: 'mopti.bankass', label: 'Cercle de Bankass (Mopti)' },
      { code: 'village-koro-demo-1', label: expect.stringMatching(/\(.*Koro, Mopti\)$/) },
    ]);
    expect(errorCode(await call('POST', '/api/admin/users', payload))).toBe('already_exists');
    const short = await call('POST', '/api/admin/users', { ...payload, login: 'x', password: 'a' });
    expect(short.json()).toMatchObject({
      error: {
        code: 'invalid_body',
        details: { issues: [{ path: 'login' }, { path: 'password' }] },
      },
    });

    const device = await s.app.inject({
      method: 'POST',
      url: '/api/auth/device',
      payload: { login: 'enq.bankass', password: 'motdepasse1', deviceLabel: 'T1' },
    });
    expect(device.json()).toMatchObject({ user: { role: 'enumerator' } });
    const audit = await s.db.audit.recent(5);
    expect(audit.find((e) => e.action === 'user.create')).toMatchObject({
      userId: 'user-admin',
      entityId: user.id,
      details: { login: 'enq.bankass', role: 'enumerator' },
    });
  });

  it('edits role and zones, resets a password, deactivates; never the admin’s own account', async () => {
    const { rows } = (await call('GET', '/api/admin/users?q=enq')).json<UsersPage>();
    const enq = rows.find((u) => u.login === 'enq.koro');
    if (enq === undefined) throw new Error('no enq.koro');
    const edited = await call('PATCH', `/api/admin/users/${enq.id}`, {
      role: 'supervisor',
      zones: ['mopti.koro'],
    });
    expect(edited.json<AdminUser>()).toMatchObject({
      role: 'supervisor',
      zones: [{ code: 'mopti.koro', label: 'Cercle de Koro (Mopti)' }],
    });
    const reset = await call('PATCH', `/api/admin/users/${enq.id}`, { password: 'nouveau-mdp-1' });
    expect(reset.statusCode).toBe(200);
    const login = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'enq.koro', password: 'nouveau-mdp-1' },
    });
    expect(login.statusCode).toBe(200);
    const logged = (await s.db.audit.recent(5)).find((e) => e.action === 'user.password_reset');
    expect(JSON.stringify(logged?.details)).not.toContain('nouveau-mdp-1');
    await call('PATCH', `/api/admin/users/${enq.id}`, { active: false });
    const inactive = (await call('GET', '/api/admin/users?active=false')).json<UsersPage>();
    expect(inactive.rows.map((u) => u.login)).toEqual(['enq.koro']);
    const self = await call('PATCH', '/api/admin/users/user-admin', { active: false });
    expect(self.json()).toMatchObject({
      error: { code: 'invalid_body', details: { field: 'active' } },
    });
    expect(errorCode(await call('PATCH', '/api/admin/users/nobody', { name: 'X' }))).toBe(
      'not_found',
    );
  });

  it('pages and filters accounts', async () => {
    const page = (await call('GET', '/api/admin/users?limit=2&offset=1')).json<UsersPage>();
    const all = (await call('GET', '/api/admin/users?limit=500')).json<UsersPage>();
    expect(page.total).toBe(all.total);
    expect(page.rows).toEqual(all.rows.slice(1, 3));
    const sups = (await call('GET', '/api/admin/users?role=supervisor')).json<UsersPage>();
    expect(sups.rows.map((u) => u.login).sort()).toEqual(['sup.gao', 'sup.koro']);
    const bad = await call('GET', '/api/admin/users?limit=0&role=chef');
    expect(bad.statusCode).toBe(400);
    expect(errorCode(bad)).toBe('invalid_query');
  });

  it('names tablets for their user in registration order and revokes a lost one', async () => {
    const first = await registerDevice(s.app, 'enq.koro', 'Samsung A');
    s.clock.advance(60_000);
    const second = await registerDevice(s.app, 'enq.koro', 'Samsung B');
    expect((await push(s.app, second, [createMutation(1, ciblage(1, second))])).statusCode).toBe(
      200,
    );
    const { rows, total } = (await call('GET', '/api/admin/devices?q=samsung')).json<DevicesPage>();
    expect(total).toBe(2);
    const byId = new Map(rows.map((d) => [d.id, d]));
    const enqName = (await s.db.accounts.userByLogin('enq.koro'))?.name ?? '';
    expect(byId.get(first.deviceId)).toMatchObject({
      name: `Tablette de ${enqName} n° 1`,
      label: 'Samsung A',
      userLogin: 'enq.koro',
      registeredAt: '2026-03-15T10:00:00.000Z',
      revokedAt: null,
      unsyncedReported: null,
    });
    expect(byId.get(second.deviceId)?.name).toBe(`Tablette de ${enqName} n° 2`);
    expect(byId.get(second.deviceId)?.lastSyncAt).toBe('2026-03-15T10:01:00.000Z');

    const revoked = await call('POST', `/api/admin/devices/${second.deviceId}/revoke`);
    expect(revoked.json<AdminDevice>()).toMatchObject({
      name: `Tablette de ${enqName} n° 2`,
      revokedAt: expect.any(String),
    });
    const again = await call('POST', `/api/admin/devices/${second.deviceId}/revoke`);
    expect(again.json<AdminDevice>().revokedAt).toBe(revoked.json<AdminDevice>().revokedAt);
    const onlyRevoked = (
      await call('GET', '/api/admin/devices?status=revoked')
    ).json<DevicesPage>();
    expect(onlyRevoked.rows.map((d) => d.id)).toEqual([second.deviceId]);
    expect((await push(s.app, second, [createMutation(2, ciblage(2, second))])).statusCode).toBe(
      401,
    );
    expect(errorCode(await call('POST', '/api/admin/devices/nope/revoke'))).toBe('not_found');
  });

  it('is for administrators only', async () => {
    const sup = await loginSession(s.app, 'sup.koro');
    for (const url of ['/api/admin/users', '/api/admin/devices']) {
      const res = await s.app.inject({ method: 'GET', url, headers: sup });
      expect(res.statusCode).toBe(403);
    }
  });
});
