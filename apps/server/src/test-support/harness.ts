import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../app';
import type { Deps } from '../services/deps';
import { DEMO_PASSWORD, seedDemo } from '../services/seed-demo';
import type { Repository } from '../storage/repository';
import { createSqliteRepository } from '../storage/sqlite-repository';

/** A server over a real SQLite file in a fresh temp folder, with a clock the test moves. */
export type TestServer = {
  app: FastifyInstance;
  repo: Repository;
  deps: Deps;
  dir: string;
  clock: { now: Date; advance(ms: number): void };
  close(): Promise<void>;
};

// Seeding hashes six passwords with scrypt (slow on purpose): do it once per test process and copy
// the file for each server.
let seededTemplate: Promise<string> | undefined;
function seededFile(): Promise<string> {
  seededTemplate ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigi-template-'));
    const file = path.join(dir, 'jigi.sqlite');
    const repo = createSqliteRepository(file);
    await seedDemo({
      repo,
      now: () => new Date('2026-03-15T08:00:00.000Z'),
      newId: () => 'unused',
      newSecret: () => 'unused',
    });
    repo.close();
    return file;
  })();
  return seededTemplate;
}

export async function startTestServer(
  options: { seed?: boolean; app?: Partial<AppOptions> } = {},
): Promise<TestServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigi-server-'));
  if (options.seed !== false) fs.copyFileSync(await seededFile(), path.join(dir, 'jigi.sqlite'));
  const repo = createSqliteRepository(path.join(dir, 'jigi.sqlite'));
  const clock = {
    now: new Date('2026-03-15T10:00:00.000Z'),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  let n = 0;
  const app = await buildApp({
    repository: repo,
    now: () => clock.now,
    newId: () => `00000000-0000-4000-a000-${(++n).toString(16).padStart(12, '0')}`,
    logLevel: 'silent',
    loginRateLimit: { max: 1000, timeWindowMs: 60_000 },
    ...options.app,
  });
  const deps = app.deps;
  return {
    app,
    repo,
    deps,
    dir,
    clock,
    async close() {
      await app.close();
      repo.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Registers a tablet for a demo login; returns its id and bearer header. */
export async function registerDevice(
  app: FastifyInstance,
  login: string,
  label = 'Tablette de test',
): Promise<{ deviceId: string; token: string; headers: { authorization: string } }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/device',
    payload: { login, password: DEMO_PASSWORD, deviceLabel: label },
  });
  if (res.statusCode !== 200)
    throw new Error(`device registration of ${login} failed: ${res.statusCode} ${res.body}`);
  const body = res.json<{ deviceId: string; deviceToken: string }>();
  return {
    deviceId: body.deviceId,
    token: body.deviceToken,
    headers: { authorization: `Bearer ${body.deviceToken}` },
  };
}

/** Logs a demo user in; returns the cookie header of the session. */
export async function loginSession(
  app: FastifyInstance,
  login: string,
): Promise<{ cookie: string }> {
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/login',
    payload: { login, password: DEMO_PASSWORD },
  });
  if (res.statusCode !== 200)
    throw new Error(`login of ${login} failed: ${res.statusCode} ${res.body}`);
  const setCookie = String(res.headers['set-cookie']);
  return { cookie: setCookie.split(';')[0] ?? '' };
}

/** The error code of an error answer. */
export function errorCode(res: LightMyRequestResponse): string {
  return res.json<{ error: { code: string } }>().error.code;
}
