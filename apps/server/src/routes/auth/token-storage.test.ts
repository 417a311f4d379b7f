import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { postgresBinDir } from '@jigi/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../services/passwords';
import {
  loginSession,
  registerDevice,
  startTestServer,
  type TestServer,
} from '../../test-support/harness';

/**
 * Every byte the database holds, read beside the store rather than through it (a store that wrote the
 * token in clear and read it back through the same code would pass a check made with its own API):
 * the SQLite file with its write-ahead log, or a plain pg_dump of the PostgreSQL database.
 */
function databaseBytes(s: TestServer): string {
  if (s.databaseUrl !== undefined)
    return execFileSync(path.join(postgresBinDir(), 'pg_dump'), ['--data-only', s.databaseUrl], {
      encoding: 'latin1',
      maxBuffer: 256 * 1024 * 1024,
    });
  const file = path.join(s.dir, 'jigi.sqlite');
  return [file, `${file}-wal`]
    .filter((f) => fs.existsSync(f))
    .map((f) => fs.readFileSync(f).toString('latin1'))
    .join('');
}

describe('tokens are stored only as hashes', () => {
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer();
  });
  afterAll(async () => {
    await s.close();
  });

  it('a tablet token and a session token appear nowhere in the database; their hashes do', async () => {
    const device = await registerDevice(s.app, 'enq.koro');
    const login = await s.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'sup.koro', password: 'demo1234' },
    });
    const sessionToken = /jigi_session=([^;]+)/.exec(String(login.headers['set-cookie']))?.[1];
    expect(sessionToken).toMatch(/^js_/);
    // Both tokens work, so the store holds something that finds them.
    const me = await s.app.inject({
      method: 'GET',
      url: '/api/auth/session',
      headers: device.headers,
    });
    expect(me.statusCode).toBe(200);
    await loginSession(s.app, 'sup.koro');

    const bytes = databaseBytes(s);
    expect(bytes.length).toBeGreaterThan(10_000);
    for (const token of [device.token, sessionToken ?? '']) {
      // Neither whole, nor without its prefix, nor its random part in any 16-character window.
      const secret = token.slice(3);
      for (let i = 0; i + 16 <= secret.length; i += 8)
        expect(bytes.includes(secret.slice(i, i + 16)), `token part ${i} stored`).toBe(false);
      expect(bytes).toContain(hashToken(token));
    }
  });
});
