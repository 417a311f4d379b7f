import { gzipSync } from 'node:zlib';
import { PROTOCOL_VERSION } from '@jigi/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../services/seed-demo';
import {
  errorCode,
  loginSession,
  registerDevice,
  startTestServer,
  type TestServer,
} from '../../test-support/harness';
import {
  ciblage,
  createMutation,
  push,
  pushBody,
  type TestDevice,
} from '../../test-support/sync-client';

describe('bad input: 4xx with a stable code, nothing written, the server keeps serving', () => {
  let s: TestServer;
  let a: TestDevice;
  const rec = () => ciblage(1, a);
  beforeAll(async () => {
    s = await startTestServer({ app: { loginRateLimit: { max: 3, timeWindowMs: 60_000 } } });
    a = await registerDevice(s.app, 'enq.koro');
  });
  afterAll(async () => {
    await s.close();
  });

  const raw = (payload: string | Buffer, headers: Record<string, string> = {}) =>
    s.app.inject({
      method: 'POST',
      url: '/api/sync/push',
      headers: { ...a.headers, 'content-type': 'application/json', ...headers },
      payload,
    });
  const good = () => JSON.stringify(pushBody(a, [createMutation(1, rec())]));

  it.each([
    ['malformed JSON', () => raw('{"protocolVersion": 1, "mutations": ['), 400, 'invalid_json'],
    ['empty body', () => raw(''), 400, 'invalid_json'],
    ['prototype poisoning', () => raw('{"__proto__": {"admin": true}}'), 400, 'invalid_json'],
    [
      'wrong types',
      () => raw(JSON.stringify({ ...pushBody(a, []), mutations: 'tout' })),
      400,
      'invalid_body',
    ],
    [
      'a mutation whose record id is not a UUID',
      () => raw(JSON.stringify(pushBody(a, [{ ...createMutation(1, rec()), recordId: 'abc' }]))),
      400,
      'invalid_body',
    ],
    [
      'non-contiguous ids inside a push',
      () =>
        raw(
          JSON.stringify(pushBody(a, [createMutation(1, rec()), createMutation(3, ciblage(2, a))])),
        ),
      400,
      'invalid_body',
    ],
    [
      'an oversized body',
      () =>
        raw(
          JSON.stringify({
            ...pushBody(a, [createMutation(1, rec())]),
            padding: 'x'.repeat(2_100_000),
          }),
        ),
      413,
      'body_too_large',
    ],
    [
      'a gzip bomb',
      () =>
        raw(
          gzipSync(
            JSON.stringify({
              ...pushBody(a, [createMutation(1, rec())]),
              padding: ' '.repeat(5_000_000),
            }),
          ),
          { 'content-encoding': 'gzip' },
        ),
      413,
      'body_too_large',
    ],
    [
      'a truncated gzip body',
      () => {
        const z = gzipSync(good());
        return raw(z.subarray(0, z.length - 20), { 'content-encoding': 'gzip' });
      },
      400,
      'invalid_gzip',
    ],
    [
      'a corrupt gzip body',
      () => {
        const z = Buffer.from(gzipSync(good()));
        z.fill(0x41, 12, 40);
        return raw(z, { 'content-encoding': 'gzip' });
      },
      400,
      'invalid_gzip',
    ],
    [
      'a plain body labelled gzip',
      () => raw(good(), { 'content-encoding': 'gzip' }),
      400,
      'invalid_gzip',
    ],
    [
      'an unknown content encoding',
      () => raw(good(), { 'content-encoding': 'br' }),
      415,
      'unsupported_encoding',
    ],
    [
      'a form body',
      () => raw('a=1', { 'content-type': 'application/x-www-form-urlencoded' }),
      415,
      'unsupported_media_type',
    ],
    [
      'a future protocol version',
      () =>
        raw(
          JSON.stringify({
            ...pushBody(a, [createMutation(1, rec())]),
            protocolVersion: PROTOCOL_VERSION + 1,
          }),
        ),
      426,
      'unsupported_protocol_version',
    ],
    [
      'a past protocol version',
      () => raw(JSON.stringify({ ...pushBody(a, [createMutation(1, rec())]), protocolVersion: 0 })),
      426,
      'unsupported_protocol_version',
    ],
    [
      'another device’s id',
      () =>
        raw(
          JSON.stringify({ ...pushBody(a, [createMutation(1, rec())]), deviceId: 'someone-else' }),
        ),
      403,
      'device_mismatch',
    ],
    [
      'a tampered token',
      () => raw(good(), { authorization: `${a.headers.authorization.slice(0, -2)}zz` }),
      401,
      'invalid_token',
    ],
    [
      'a token of another kind',
      () => raw(good(), { authorization: 'Bearer abc' }),
      401,
      'invalid_token',
    ],
    [
      'no token',
      () =>
        s.app.inject({
          method: 'POST',
          url: '/api/sync/push',
          payload: good(),
          headers: { 'content-type': 'application/json' },
        }),
      401,
      'missing_token',
    ],
  ] as const)('%s', async (_name, send, status, code) => {
    const res = await send();
    expect(res.statusCode).toBe(status);
    expect(errorCode(res)).toBe(code);
    expect(res.json<{ error: { message: string } }>().error.message.length).toBeGreaterThan(10);
    // Nothing partly written, and the server still answers.
    expect(await s.db.sync.recordById(rec().id)).toBeUndefined();
    expect((await s.db.accounts.deviceById(a.deviceId))?.lastMutationId).toBe(0);
    expect((await s.db.sync.listBatches({ limit: 10, offset: 0 })).total).toBe(0);
    expect((await s.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });

  it('refuses a malformed mutation alone: it consumes its id and the next ones apply', async () => {
    const other = await registerDevice(s.app, 'enq.koro');
    const r2 = ciblage(50, other);
    const res = await push(s.app, other, [
      { ...createMutation(1, ciblage(49, other)), record: undefined },
      { ...createMutation(2, r2), op: 'rename' },
      createMutation(3, r2),
    ]);
    expect(res.statusCode).toBe(200);
    const body = res.json<{
      results: {
        outcome: string;
        error?: { code: string; message: string; issues: { path: string }[] };
      }[];
      lastMutationId: number;
    }>();
    expect(body.results.map((r) => r.error?.code ?? r.outcome)).toEqual([
      'validation_failed',
      'validation_failed',
      'applied',
    ]);
    expect(body.results[0]?.error?.message).toContain('record');
    expect(body.lastMutationId).toBe(3);
    expect((await s.db.sync.listQuarantine(other.deviceId)).map((q) => q.mutationId)).toEqual([
      1, 2,
    ]);
    expect(await s.db.sync.recordById(ciblage(49, other).id)).toBeUndefined();
  });

  it('names the field and rule of a schema error', async () => {
    const res = await raw(JSON.stringify({ ...pushBody(a, []), clientTime: 'hier' }));
    const body = res.json<{
      error: { message: string; details: { issues: { path: string }[] } };
    }>();
    expect(body.error.details.issues.map((i) => i.path)).toContain('clientTime');
    expect(body.error.message).toContain('clientTime');
  });

  it('answers bad pull queries with 400', async () => {
    for (const query of [
      { limit: '0' },
      { limit: 'beaucoup' },
      { maxBytes: '10' },
      { cursor: 'x.y.z' },
    ]) {
      const res = await s.app.inject({
        method: 'GET',
        url: '/api/sync/pull',
        headers: a.headers,
        query,
      });
      expect(res.statusCode).toBe(400);
      // A cursor that is not one has its own documented code (docs/errors.md).
      expect(errorCode(res)).toBe('cursor' in query ? 'malformed_cursor' : 'invalid_query');
    }
  });

  it('accepts a valid gzip push after all that, then refuses the device at once when an admin revokes it', async () => {
    const ok = await push(s.app, a, [createMutation(1, rec())], { gzip: true });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ results: [{ outcome: 'applied' }], lastMutationId: 1 });
    const admin = await loginSession(s.app, 'admin');
    const revoke = await s.app.inject({
      method: 'POST',
      url: `/api/admin/devices/${a.deviceId}/revoke`,
      headers: admin,
    });
    expect(revoke.statusCode).toBe(200);
    const refused = await push(s.app, a, [createMutation(2, ciblage(2, a))]);
    expect(refused.statusCode).toBe(401);
    expect(errorCode(refused)).toBe('device_revoked');
    expect(await s.db.sync.recordById(ciblage(2, a).id)).toBeUndefined();
    expect(
      (await s.db.audit.recent(50)).some(
        (e) => e.action === 'device.revoke' && e.entityId === a.deviceId,
      ),
    ).toBe(true);
  });

  // Six password checks (scrypt, slow on purpose): room for two busy cores.
  it(
    'rate-limits login attempts per login and answers with retryAfterMs',
    { timeout: 60_000 },
    async () => {
      const attempt = (password: string) =>
        s.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { login: 'sup.gao', password },
        });
      for (let i = 0; i < 3; i++)
        expect(errorCode(await attempt('mauvais'))).toBe('invalid_credentials');
      const limited = await attempt(DEMO_PASSWORD);
      expect(limited.statusCode).toBe(429);
      expect(limited.json()).toMatchObject({
        error: { code: 'rate_limited', kind: 'rate_limited' },
      });
      expect(
        limited.json<{ error: { retryAfterMs: number } }>().error.retryAfterMs,
      ).toBeGreaterThan(0);
      // Tablet registration checks the same password: it counts against, and is locked by, the same limit.
      const registration = await s.app.inject({
        method: 'POST',
        url: '/api/auth/device',
        payload: { login: 'SUP.GAO', password: DEMO_PASSWORD, deviceLabel: 'Tablette volée' },
      });
      expect(errorCode(registration)).toBe('rate_limited');
      // Another login from the same address is not blocked by it…
      expect(
        (
          await s.app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { login: 'sup.koro', password: DEMO_PASSWORD },
          })
        ).statusCode,
      ).toBe(200);
      // …but trying many logins from one address is (6 × the per-login limit).
      const codes: string[] = [];
      for (let i = 0; i < 16; i++)
        codes.push(
          errorCode(
            await s.app.inject({
              method: 'POST',
              url: '/api/auth/login',
              payload: { login: `inconnu${i}`, password: 'x' },
            }),
          ),
        );
      expect(codes.at(-1)).toBe('rate_limited');
      expect(codes.filter((c) => c === 'invalid_credentials').length).toBeLessThan(16);
    },
  );
});
