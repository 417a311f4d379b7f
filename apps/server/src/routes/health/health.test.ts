import { PROTOCOL_VERSION } from '@jigi/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  errorCode,
  startTestServer,
  testBackend,
  type TestServer,
} from '../../test-support/harness';

describe('GET /api/health', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ seed: false });
  });
  afterAll(async () => {
    await s.close();
  });

  it('answers ok with the protocol version, epoch and server time, with security headers and no caching', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      protocolVersion: PROTOCOL_VERSION,
      epoch: await s.db.meta.epoch(),
      serverTime: '2026-03-15T10:00:00.000Z',
      backend: testBackend,
      pid: process.pid,
    });
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('answers an unknown API address with the error envelope', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/api/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({ error: { code: 'route_not_found', kind: 'validation' } });
    expect(errorCode(res)).toBe('route_not_found');
  });
});
