import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { createDatabase, dropDatabase } from '@jigi/testkit';
import { afterAll, inject } from 'vitest';
import { buildApp, type AppOptions } from '../app';
import type { Deps } from '../services/deps';
import { DEMO_PASSWORD, seedDemo } from '../services/seed-demo';
import { openPostgresStore } from '../storage/postgres/postgres-store';
import { openSqliteStore } from '../storage/sqlite/sqlite-store';
import type { Backend, Store, Tx } from '../storage/store';

/**
 * The backend the server tests run on: the `server` project runs them on SQLite files, `server-pg`
 * (JIGI_TEST_BACKEND=postgres) on databases of a throwaway PostgreSQL cluster
 * (postgres-global-setup.ts). Both run the same test files.
 */
export const testBackend: Backend =
  process.env['JIGI_TEST_BACKEND'] === 'postgres' ? 'postgres' : 'sqlite';

/**
 * Each port method in a write transaction of its own: what a test reads or arranges directly in
 * storage (`await s.db.sync.recordById(id)`).
 */
export type DirectTx = Tx;

function directTx(store: Store): DirectTx {
  const ports = ['accounts', 'reference', 'sync', 'review', 'audit', 'meta'] as const;
  return Object.fromEntries(
    ports.map((port) => [
      port,
      new Proxy(
        {},
        {
          get:
            (_target, method: string) =>
            (...args: unknown[]) =>
              store.write((tx) => {
                const fn = (tx[port] as unknown as Record<string, (...a: unknown[]) => unknown>)[
                  method
                ];
                if (fn === undefined) throw new Error(`no ${port}.${method} in the store`);
                return Promise.resolve(fn(...args));
              }),
        },
      ),
    ]),
  ) as unknown as DirectTx;
}

/** A server over a real database (see `testBackend`) in a fresh temp folder, with a clock the test moves. */
export type TestServer = {
  app: FastifyInstance;
  store: Store;
  /** Direct storage access for arranging and asserting (each call one transaction). */
  db: DirectTx;
  deps: Deps;
  dir: string;
  /** The PostgreSQL address (undefined on SQLite: the file is `dir/jigi.sqlite`). */
  databaseUrl: string | undefined;
  clock: { now: Date; advance(ms: number): void };
  close(): Promise<void>;
};

/** A database for one test: a fresh store (seeded with the demo unless `seed: false`). */
export type TestDatabase = {
  store: Store;
  dir: string;
  /** The PostgreSQL address (undefined on SQLite: the file is `dir/jigi.sqlite`). */
  databaseUrl: string | undefined;
  /** Closes the store and deletes the database. */
  dispose(): Promise<void>;
};

// Seeding hashes six passwords with scrypt (slow on purpose): do it once per test process and copy
// the file for each server.
// Test files run isolated, so each file that opens a database makes its own template: it is removed
// when that file ends, passed or failed (a run of the suite used to leave one folder per file).
let seededTemplate: Promise<string> | undefined;
let templateDir: string | undefined;
afterAll(() => {
  if (templateDir !== undefined) fs.rmSync(templateDir, { recursive: true, force: true });
  templateDir = undefined;
  seededTemplate = undefined;
});
function seededFile(): Promise<string> {
  seededTemplate ??= (async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigi-template-'));
    templateDir = dir;
    const file = path.join(dir, 'jigi.sqlite');
    const store = openSqliteStore(file);
    await seedDemo({
      store,
      now: () => new Date('2026-03-15T08:00:00.000Z'),
      newId: () => 'unused',
      newSecret: () => 'unused',
    });
    await store.close();
    return file;
  })();
  return seededTemplate;
}

/** `backend` defaults to the project's (`testBackend`); a copy test opens one of each. */
export async function openTestDatabase(
  options: { seed?: boolean; backend?: Backend } = {},
): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigi-server-'));
  if ((options.backend ?? testBackend) === 'postgres') {
    const adminUrl = inject('postgresAdminUrl');
    const name = `jigi_t_${randomBytes(6).toString('hex')}`;
    const url = await createDatabase(
      adminUrl,
      name,
      options.seed === false ? undefined : inject('postgresTemplate'),
    );
    const store = await openPostgresStore(url, { poolSize: 5 });
    return {
      store,
      dir,
      databaseUrl: url,
      async dispose() {
        await store.close();
        await dropDatabase(adminUrl, name);
        fs.rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  if (options.seed !== false) fs.copyFileSync(await seededFile(), path.join(dir, 'jigi.sqlite'));
  const store = openSqliteStore(path.join(dir, 'jigi.sqlite'));
  return {
    store,
    dir,
    databaseUrl: undefined,
    async dispose() {
      await store.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function startTestServer(
  options: { seed?: boolean; backend?: Backend; app?: Partial<AppOptions> } = {},
): Promise<TestServer> {
  const database = await openTestDatabase({
    ...(options.seed === false ? { seed: false } : {}),
    ...(options.backend === undefined ? {} : { backend: options.backend }),
  });
  const { store, dir } = database;
  const clock = {
    now: new Date('2026-03-15T10:00:00.000Z'),
    advance(ms: number) {
      clock.now = new Date(clock.now.getTime() + ms);
    },
  };
  let n = 0;
  const app = await buildApp({
    store,
    now: () => clock.now,
    newId: () => `00000000-0000-4000-a000-${(++n).toString(16).padStart(12, '0')}`,
    // JIGI_TEST_LOG=error shows what a 500 hides.
    logLevel: process.env['JIGI_TEST_LOG'] ?? 'silent',
    loginRateLimit: { max: 1000, timeWindowMs: 60_000 },
    ...options.app,
  });
  const deps = app.deps;
  return {
    app,
    store,
    db: directTx(store),
    deps,
    dir,
    databaseUrl: database.databaseUrl,
    clock,
    async close() {
      await app.close();
      await database.dispose();
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
