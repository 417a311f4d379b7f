import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { generatedVillages, postgresBinDir, type PostgresCluster } from '@jigi/testkit';
import { hashToken } from '../../../apps/server/src/services/passwords';
import { saveVillage } from '../../../apps/server/src/services/reference';
import { seedDemo } from '../../../apps/server/src/services/seed-demo';
import { openPostgresStore } from '../../../apps/server/src/storage/postgres/postgres-store';
import { openSqliteStore } from '../../../apps/server/src/storage/sqlite/sqlite-store';
import type { Store } from '../../../apps/server/src/storage/store';
import { processTempDir } from './temp-dirs';

const run = promisify(execFile);

/** The enumerator whose tablets push the generated households (zones: every generated village). */
export const RELIABILITY_USER = 'user-rel-enq';

export type ProvisionedDevice = { deviceId: string; token: string };
/** A SQLite deployment: the server's data folder and its file. */
export type DataDir = {
  backend: 'sqlite';
  dir: string;
  file: string;
  devices: ProvisionedDevice[];
  remove(): void;
};
/**
 * A PostgreSQL deployment: a database of a test cluster (`databaseUrl`), and a data folder the
 * server is given as `DATA_DIR` all the same (it holds no database then).
 */
export type PostgresData = {
  backend: 'postgres';
  dir: string;
  databaseUrl: string;
  database: string;
  devices: ProvisionedDevice[];
  remove(): Promise<void>;
};
/** What a test server runs on, either backend. */
export type Deployment = DataDir | PostgresData;

/** The demo seed, the villages of `generateHouseholds` and the reliability enumerator, via the store. */
async function seedReliability(store: Store): Promise<void> {
  const deps = { store, now: () => new Date(), newId: () => 'unused', newSecret: () => 'unused' };
  await seedDemo(deps);
  await store.write(async (tx) => {
    for (const v of generatedVillages)
      await saveVillage(
        tx,
        deps,
        {
          id: v.id,
          name: v.name,
          communeCode: v.communeCode,
          demo: true,
          pnp: false,
          quota: 100_000,
        },
        null,
      );
    await tx.accounts.insertUser({
      id: RELIABILITY_USER,
      login: 'rel.enq',
      name: 'Enquêteur fiabilité',
      role: 'enumerator',
      active: true,
      zones: generatedVillages.map((v) => v.id),
      passwordHash: 'disabled',
      createdAt: new Date().toISOString(),
    });
  });
}

/**
 * `count` tablets of the reliability enumerator with known tokens, inserted as
 * `POST /api/auth/device` would (so that 200 tablets do not meet the registration rate limit).
 */
async function insertDevices(store: Store, count: number): Promise<ProvisionedDevice[]> {
  const out: ProvisionedDevice[] = Array.from({ length: count }, (_, i) => ({
    deviceId: `rel-device-${String(i + 1).padStart(3, '0')}`,
    token: `jd_${randomBytes(24).toString('base64url')}`,
  }));
  const at = new Date().toISOString();
  await store.write(async (tx) => {
    for (const [i, { deviceId, token }] of out.entries())
      await tx.accounts.insertDevice({
        id: deviceId,
        userId: RELIABILITY_USER,
        label: `Tablette ${i + 1}`,
        tokenHash: hashToken(token),
        createdAt: at,
        revokedAt: null,
        lastMutationId: 0,
        lastSeenAt: at,
        reportedUnsynced: null,
      });
  });
  return out;
}

async function withStore<T>(store: Store, fn: (store: Store) => Promise<T>): Promise<T> {
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

// Seeding hashes the demo passwords with scrypt (slow on purpose): once per test process, then a
// copy of the file per server, as the server's own harness does.
let template: Promise<string> | undefined;
function templateFile(): Promise<string> {
  template ??= (async () => {
    const file = path.join(processTempDir('template'), 'jigi.sqlite');
    await withStore(openSqliteStore(file), seedReliability);
    return file;
  })();
  return template;
}

/**
 * A fresh data folder for a server: the demo seed, the villages of `generateHouseholds`, and
 * `devices` tablets of the reliability enumerator with known tokens.
 */
export async function provisionDataDir(devices: number, label = 'rel'): Promise<DataDir> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `jigi-${label}-`));
  const file = path.join(dir, 'jigi.sqlite');
  fs.copyFileSync(await templateFile(), file);
  const out = await withStore(openSqliteStore(file), (store) => insertDevices(store, devices));
  return {
    backend: 'sqlite',
    dir,
    file,
    devices: out,
    remove: () => {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// The same seed on PostgreSQL: one template database per cluster, copied per server
// (CREATE DATABASE … TEMPLATE, a file copy inside PostgreSQL).
//
// A CHECKPOINT follows each copy. PostgreSQL 15's CREATE DATABASE (WAL_LOG strategy) logs the
// template's sequence pages as they are in memory, with values still "cached" (log_cnt > 0): the copy
// then hands out those ids without writing WAL, and a crash before the next checkpoint
// (`pg_ctl stop -m immediate`) replays the page as copied — the BIGSERIAL of audit_log hands out
// ids that are already taken (duplicate key, a 500). After a checkpoint the first nextval of each
// sequence is WAL-logged ahead, as in any database that was not copied.
async function checkpoint(cluster: PostgresCluster): Promise<void> {
  await run(path.join(postgresBinDir(), 'psql'), [
    '--no-psqlrc',
    '--quiet',
    '--host',
    '127.0.0.1',
    '--port',
    String(cluster.port),
    '--username',
    'jigi',
    '--dbname',
    'postgres',
    '--command',
    'CHECKPOINT',
  ]);
}
const templates = new WeakMap<PostgresCluster, Promise<string>>();
let databases = 0;

/** The same deployment as `provisionDataDir`, in a new database of `cluster`. */
export async function provisionPostgres(
  cluster: PostgresCluster,
  devices: number,
  label = 'rel',
): Promise<PostgresData> {
  let seeded = templates.get(cluster);
  if (seeded === undefined) {
    seeded = (async () => {
      const url = await cluster.createDatabase('jigi_rel_template');
      await withStore(await openPostgresStore(url, { poolSize: 2 }), seedReliability);
      return 'jigi_rel_template';
    })();
    templates.set(cluster, seeded);
  }
  const database = `jigi_${label.replace(/[^a-z0-9]/gi, '_').toLowerCase()}_${++databases}`;
  const databaseUrl = await cluster.createDatabase(database, await seeded);
  await checkpoint(cluster);
  const out = await withStore(await openPostgresStore(databaseUrl, { poolSize: 2 }), (store) =>
    insertDevices(store, devices),
  );
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `jigi-${label}-`));
  return {
    backend: 'postgres',
    dir,
    databaseUrl,
    database,
    devices: out,
    async remove() {
      fs.rmSync(dir, { recursive: true, force: true });
      await cluster.dropDatabase(database);
    },
  };
}
