import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorCode,
  loginSession,
  registerDevice,
  startTestServer,
  type TestServer,
} from '../../test-support/harness';

// The server's share of a tablet user's data key (docs/tablet-security.md): one per key id, given
// again to the same user's later logins on that tablet, never again once its tablet is revoked.

describe('key share', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s.close();
  });

  const ask = (headers: { authorization: string }, keyId: string) =>
    s.app.inject({ method: 'POST', url: '/api/auth/key-share', headers, payload: { keyId } });

  it('issues 64 random bytes per key id, and the same ones to a later login of the same user', async () => {
    const keyId = crypto.randomUUID();
    const first = await registerDevice(s.app, 'enq.koro');
    const issued = await ask(first.headers, keyId);
    expect(issued.statusCode).toBe(200);
    const share = issued.json<{ keyShare: string }>().keyShare;
    expect(Buffer.from(share, 'base64')).toHaveLength(64);
    expect(issued.json()).toMatchObject({ keyId });
    // A second password login on the same tablet (a lockout): a new token, the same share.
    const again = await registerDevice(s.app, 'enq.koro');
    expect((await ask(again.headers, keyId)).json()).toMatchObject({ keyShare: share });
    // Another key id is another share.
    const other = await ask(again.headers, crypto.randomUUID());
    expect(other.json<{ keyShare: string }>().keyShare).not.toBe(share);
    // The share is stored bound to the device that asked last.
    const row = await s.store.read((tx) => tx.accounts.keyShareById(keyId));
    expect(row).toMatchObject({ userId: 'user-enq-koro', deviceId: again.deviceId, share });
  });

  it('refuses another user’s key id, a browser session and a malformed body', async () => {
    const keyId = crypto.randomUUID();
    const owner = await registerDevice(s.app, 'enq.koro');
    expect((await ask(owner.headers, keyId)).statusCode).toBe(200);
    const stranger = await registerDevice(s.app, 'anim.koro');
    const refused = await ask(stranger.headers, keyId);
    expect([refused.statusCode, errorCode(refused)]).toEqual([403, 'key_share_not_yours']);
    const browser = await s.app.inject({
      method: 'POST',
      url: '/api/auth/key-share',
      headers: { ...(await loginSession(s.app, 'enq.koro')), origin: 'http://localhost' },
      payload: { keyId },
    });
    expect(browser.statusCode).toBe(403);
    const bad = await ask(owner.headers, 'not-a-uuid');
    expect([bad.statusCode, errorCode(bad)]).toEqual([400, 'invalid_body']);
  });

  it('once the tablet is revoked, its share is never given again, even after a new password login', async () => {
    const keyId = crypto.randomUUID();
    const tablet = await registerDevice(s.app, 'agent.bankass');
    expect((await ask(tablet.headers, keyId)).statusCode).toBe(200);
    await s.store.write((tx) =>
      tx.accounts.revokeDevice(tablet.deviceId, new Date().toISOString()),
    );
    // The revoked token itself is refused before anything…
    expect(errorCode(await ask(tablet.headers, keyId))).toBe('device_revoked');
    // …and a thief who knows the password gets a new token, but not the share.
    const relogin = await registerDevice(s.app, 'agent.bankass');
    const refused = await ask(relogin.headers, keyId);
    expect([refused.statusCode, errorCode(refused)]).toEqual([403, 'key_share_revoked']);
    // A new key id (the tablet starts over, its old data unopenable) gets a new share.
    expect((await ask(relogin.headers, crypto.randomUUID())).statusCode).toBe(200);
  });
});
