import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../services/seed-demo';
import {
  errorCode,
  loginSession,
  registerDevice,
  startTestServer,
  type TestServer,
} from '../../test-support/harness';

describe('auth', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s.close();
  });

  it('registers a tablet with a token stored only as a hash', async () => {
    const d = await registerDevice(s.app, 'enq.koro');
    expect(d.token).toMatch(/^jd_[A-Za-z0-9_-]{43}$/);
    const file = JSON.stringify(await s.db.accounts.listDevices());
    expect(file).not.toContain(d.token.slice(3));
    const me = await s.app.inject({ method: 'GET', url: '/api/auth/session', headers: d.headers });
    expect(me.json()).toMatchObject({ user: { id: 'user-enq-koro', role: 'enumerator' } });
  });

  it('opens a 12-hour httpOnly session, refuses wrong passwords, and logs out', async () => {
    const wrong = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'sup.koro', password: 'nope' },
    });
    expect(errorCode(wrong)).toBe('invalid_credentials');
    const unknown = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'personne', password: DEMO_PASSWORD },
    });
    expect(errorCode(unknown)).toBe('invalid_credentials');
    const res = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: ' SUP.KORO ', password: DEMO_PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict; Max-Age=43200/);
    expect(res.json()).toMatchObject({ expiresAt: '2026-03-15T22:00:00.000Z' });
    const session = await loginSession(s.app, 'sup.koro');
    expect(
      (await s.app.inject({ method: 'GET', url: '/api/auth/session', headers: session })).json(),
    ).toMatchObject({ expiresAt: '2026-03-15T22:00:00.000Z', user: { zones: ['mopti.koro'] } });
    expect(
      (await s.app.inject({ method: 'POST', url: '/api/auth/logout', headers: session }))
        .statusCode,
    ).toBe(200);
    expect(
      errorCode(await s.app.inject({ method: 'GET', url: '/api/auth/session', headers: session })),
    ).toBe('invalid_token');
  });
});
