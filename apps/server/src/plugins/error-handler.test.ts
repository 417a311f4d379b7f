import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/harness';

describe('URLs the router refuses before any route', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ seed: false });
  });
  afterAll(async () => {
    await s.close();
  });

  it.each([
    [
      'a path parameter over 100 characters',
      `/api/review/records/${'a'.repeat(101)}`,
      414,
      'url_param_too_long',
    ],
    ['a path parameter that is not UTF-8', '/api/review/records/%ED%A0%80', 400, 'invalid_url'],
  ] as const)('answer %s in the error envelope', async (_name, url, status, code) => {
    const res = await s.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(status);
    expect(res.headers['content-security-policy']).toBeDefined();
    expect(res.json()).toEqual({
      error: {
        code,
        kind: 'validation',
        message: expect.any(String) as string,
        details: { url: expect.stringContaining('/api/review/records/') as string },
      },
    });
    expect((await s.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});
