// Vitest global setup of the `server-pg` project: one throwaway PostgreSQL cluster for the run, with
// a database holding the seeded demo that each test server copies (CREATE DATABASE … TEMPLATE).
import { createDatabase, startPostgresCluster, type PostgresCluster } from '@jigi/testkit';
import type { TestProject } from 'vitest/node';
import { seedDemo } from '../services/seed-demo';
import { openPostgresStore } from '../storage/postgres/postgres-store';

declare module 'vitest' {
  export interface ProvidedContext {
    postgresAdminUrl: string;
    postgresTemplate: string;
  }
}

let cluster: PostgresCluster | undefined;

export async function setup(project: TestProject): Promise<void> {
  cluster = await startPostgresCluster();
  const url = await createDatabase(cluster.url(), 'jigi_seeded');
  const store = await openPostgresStore(url, { poolSize: 2 });
  await seedDemo({
    store,
    now: () => new Date('2026-03-15T08:00:00.000Z'),
    newId: () => 'unused',
    newSecret: () => 'unused',
  });
  await store.close();
  project.provide('postgresAdminUrl', cluster.url());
  project.provide('postgresTemplate', 'jigi_seeded');
}

export async function teardown(): Promise<void> {
  await cluster?.remove();
}
