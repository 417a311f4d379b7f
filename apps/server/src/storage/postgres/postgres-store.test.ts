// What only the PostgreSQL backend can show: writes that really run at once (pull order under
// out-of-order commits, the same push on two server processes), a database that goes away and comes
// back, and the refusals at start. A cluster of its own: these tests stop it.
import { createDatabase, startPostgresCluster, type PostgresCluster } from '@jigi/testkit';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { seedDemo } from '../../services/seed-demo';
import { registerDevice } from '../../test-support/harness';
import { ciblage, createMutation, push } from '../../test-support/sync-client';
import { StoreOpenError, StoreSchemaTooNewError } from '../store-errors';
import { migratePostgres, postgresMigrations } from './migrations';
import { openPostgresStore } from './postgres-store';

const settle = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );

describe('PostgreSQL backend', { timeout: 60_000 }, () => {
  let cluster: PostgresCluster;
  let n = 0;
  const freshUrl = () => createDatabase(cluster.url(), `t_${++n}`);
  beforeAll(async () => {
    cluster = await startPostgresCluster();
  });
  afterAll(async () => {
    await cluster.remove();
  });

  it('never lets a pull cursor pass a change whose transaction commits after a later-numbered one', async () => {
    const store = await openPostgresStore(await freshUrl());
    const scope = { villageIds: ['v'], recordTypes: ['ciblage_household'], userId: 'u' };
    const change = (entityId: string) => ({
      entity: 'record' as const,
      entityId,
      villageId: 'v',
      recordType: 'ciblage_household',
      audienceUserId: null,
    });
    try {
      let releaseFirst: () => void = () => undefined;
      const firstMayCommit = new Promise<void>((r) => (releaseFirst = r));
      let firstLogged: () => void = () => undefined;
      const firstHasLogged = new Promise<void>((r) => (firstLogged = r));
      // T1 logs its change first, then waits; T2 logs and commits while T1 is still open.
      const first = store.write(async (tx) => {
        await tx.sync.logChange(change('first'));
        firstLogged();
        await firstMayCommit;
      });
      await firstHasLogged;
      await store.write((tx) => tx.sync.logChange(change('second')));
      const page1 = await store.read(async (tx) => ({
        rows: await tx.sync.changesAfter(0, 10, scope),
        last: await tx.sync.lastSeq(),
      }));
      expect(page1.rows.map((r) => r.entityId)).toEqual(['second']);
      const cursor = Math.max(...page1.rows.map((r) => r.seq), page1.last);
      releaseFirst();
      await first;
      const page2 = await store.read((tx) => tx.sync.changesAfter(cursor, 10, scope));
      expect(page2.map((r) => r.entityId)).toEqual(['first']);
    } finally {
      await store.close();
    }
  });

  describe('two server processes on one database', () => {
    let apps: FastifyInstance[];
    beforeAll(async () => {
      const url = await freshUrl();
      const seeder = await openPostgresStore(url, { poolSize: 2 });
      await seedDemo({
        store: seeder,
        now: () => new Date('2026-03-15T08:00:00.000Z'),
        newId: () => 'unused',
        newSecret: () => 'unused',
      });
      await seeder.close();
      apps = await Promise.all(
        [1, 2].map(() =>
          buildApp({
            databaseUrl: url,
            logLevel: 'silent',
            loginRateLimit: { max: 1000, timeWindowMs: 60_000 },
          }),
        ),
      );
    });
    afterAll(async () => {
      await Promise.all(apps.map((a) => a.close()));
    });

    it('applies the same batch once when it reaches both at the same time', async () => {
      const [one, two] = apps;
      if (one === undefined || two === undefined) throw new Error('two apps expected');
      const tablet = await registerDevice(one, 'enq.koro');
      const mutations = Array.from({ length: 20 }, (_, i) =>
        createMutation(i + 1, ciblage(i + 1, tablet)),
      );
      const batchId = '00000000-0000-4000-b222-000000000001';
      const answers = await Promise.all([
        push(one, tablet, mutations, { batchId }),
        push(two, tablet, mutations, { batchId }),
        push(one, tablet, mutations, { batchId }),
      ]);
      for (const res of answers) expect(res.statusCode).toBe(200);
      const bodies = answers.map((r) =>
        r.json<{ results: { outcome: string }[]; batchNumber: number | null }>(),
      );
      // One of the three applied all twenty; the others answered from the stored results.
      expect(bodies.map((b) => b.results.map((r) => r.outcome))).toEqual(
        bodies.map(() => mutations.map(() => 'applied')),
      );
      expect(bodies.filter((b) => b.batchNumber !== null)).toHaveLength(1);
      const health = await two.inject({ method: 'GET', url: '/api/health' });
      expect(health.json()).toMatchObject({ status: 'ok', backend: 'postgres' });
    });
  });

  it('answers database_unavailable while PostgreSQL is down, writes nothing half, and recovers by itself', async () => {
    const url = await freshUrl();
    const seeder = await openPostgresStore(url, { poolSize: 2 });
    await seedDemo({
      store: seeder,
      now: () => new Date('2026-03-15T08:00:00.000Z'),
      newId: () => 'unused',
      newSecret: () => 'unused',
    });
    await seeder.close();
    const app = await buildApp({ databaseUrl: url, logLevel: 'silent' });
    try {
      const tablet = await registerDevice(app, 'enq.koro');
      expect((await push(app, tablet, [createMutation(1, ciblage(1, tablet))])).statusCode).toBe(
        200,
      );
      await cluster.stop('immediate');
      const down = await push(app, tablet, [createMutation(2, ciblage(2, tablet))]);
      expect(down.statusCode).toBe(503);
      expect(down.json()).toMatchObject({
        error: { code: 'database_unavailable', kind: 'server' },
      });
      expect(down.headers['retry-after']).toBe('5');
      const health = await app.inject({ method: 'GET', url: '/api/health' });
      expect(health.statusCode).toBe(503);
      await cluster.start();
      // The same process, no restart: the pool opens new connections.
      let again = await settle(push(app, tablet, [createMutation(2, ciblage(2, tablet))]));
      for (let i = 0; i < 20 && (!again.ok || again.value.statusCode !== 200); i++) {
        await new Promise((r) => setTimeout(r, 250));
        again = await settle(push(app, tablet, [createMutation(2, ciblage(2, tablet))]));
      }
      expect(again.ok && again.value.statusCode).toBe(200);
      const store = await openPostgresStore(url, { poolSize: 1 });
      try {
        const device = await store.read((tx) => tx.accounts.deviceById(tablet.deviceId));
        expect(device?.lastMutationId).toBe(2);
        const batches = await store.read((tx) => tx.sync.listBatches({ limit: 10, offset: 0 }));
        expect(batches.total).toBe(2);
      } finally {
        await store.close();
      }
    } finally {
      await cluster.start();
      await app.close();
    }
  });

  it('refuses to start on an unreachable address, naming the host and the cause', async () => {
    const error = await openPostgresStore('postgres://jigi@127.0.0.1:1/nowhere').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(StoreOpenError);
    expect((error as Error).message).toMatch(
      /PostgreSQL injoignable \(127\.0\.0\.1:1\/nowhere\) : .*ECONNREFUSED/,
    );
  });

  it('3: pages records of a type by an index in id order, on a version-2 database', async () => {
    const url = await freshUrl();
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: url });
    await client.connect();
    try {
      await migratePostgres(client, 2);
      for (const id of ['r3', 'r1', 'r2'])
        await client.query(
          "INSERT INTO records (id, type, village_id, version, data, field_versions, created_by, device_id, created_at, updated_at) VALUES ($1, 'ciblage_household', 'v1', 1, '{}', '{}', 'u1', 'd1', 't', 't')",
          [id],
        );
      await migratePostgres(client);
      const page =
        "SELECT id FROM records WHERE type = 'ciblage_household' AND id COLLATE \"C\" > 'r1' AND village_id = ANY('{v1}') AND NOT deleted ORDER BY id COLLATE \"C\" LIMIT 500";
      expect((await client.query<{ id: string }>(page)).rows).toEqual([{ id: 'r2' }, { id: 'r3' }]);
      // Without statistics the planner may scan a 3-row table: ask what it does when it must not.
      await client.query('SET enable_seqscan = off');
      const plan = (await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${page}`)).rows
        .map((r) => r['QUERY PLAN'])
        .join(' ');
      expect(plan).toContain('records_type_id');
      expect(plan).not.toMatch(/Sort/);
      const indexes = await client.query<{ indexname: string }>(
        "SELECT indexname FROM pg_indexes WHERE tablename = 'records' ORDER BY indexname",
      );
      expect(indexes.rows.map((r) => r.indexname)).not.toContain('records_type');
    } finally {
      await client.end();
    }
  });

  it('4: adds key_shares to a version-3 database, tied to its users and devices', async () => {
    const url = await freshUrl();
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: url });
    await client.connect();
    try {
      await migratePostgres(client, 3);
      await client.query(
        "INSERT INTO users (id, login, name, role, password_hash, created_at) VALUES ('u1', 'enq', 'E', 'enumerator', 'h', 't')",
      );
      await client.query(
        "INSERT INTO devices (id, user_id, label, token_hash, created_at) VALUES ('d1', 'u1', 'Tablette', 'th', 't')",
      );
      await migratePostgres(client);
      await client.query(
        "INSERT INTO key_shares (key_id, user_id, device_id, share, created_at, updated_at) VALUES ('k1', 'u1', 'd1', 's', 't', 't')",
      );
      const rows = await client.query('SELECT user_id, device_id FROM key_shares');
      expect(rows.rows).toEqual([{ user_id: 'u1', device_id: 'd1' }]);
      await expect(
        client.query(
          "INSERT INTO key_shares (key_id, user_id, device_id, share, created_at, updated_at) VALUES ('k2', 'u1', 'nope', 's', 't', 't')",
        ),
      ).rejects.toThrow(/foreign key/);
    } finally {
      await client.end();
    }
  });

  it('migrates an empty database, is idempotent, and refuses a database of a newer schema', async () => {
    const url = await freshUrl();
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: url });
    await client.connect();
    try {
      await migratePostgres(client);
      await migratePostgres(client);
      const versions = await client.query<{ version: number }>(
        'SELECT version FROM schema_version ORDER BY version',
      );
      expect(versions.rows.map((r) => r.version)).toEqual(postgresMigrations.map((m) => m.version));
      const counter = await client.query<{ seq: string }>('SELECT seq FROM change_counter');
      expect(counter.rows).toEqual([{ seq: '0' }]);
      await client.query('INSERT INTO schema_version (version) VALUES ($1)', [
        postgresMigrations.length + 1,
      ]);
    } finally {
      await client.end();
    }
    const refused = await openPostgresStore(url).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(StoreSchemaTooNewError);
    expect((refused as Error).message).toContain(`v${postgresMigrations.length + 1}`);
  });
});
