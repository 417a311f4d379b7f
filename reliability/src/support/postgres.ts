import { startPostgresCluster, type PostgresCluster } from '@jigi/testkit';
import { afterAll, beforeAll } from 'vitest';

/**
 * A throwaway PostgreSQL cluster for the tests of the enclosing `describe` (testkit: initdb in a temp
 * folder, a free port on 127.0.0.1), started once before them and removed after. Each test
 * provisions its own database in it (provision.ts, provisionPostgres).
 */
export function usePostgresCluster(): () => PostgresCluster {
  let cluster: PostgresCluster | undefined;
  beforeAll(async () => {
    cluster = await startPostgresCluster();
  }, 120_000);
  afterAll(async () => {
    await cluster?.remove();
    cluster = undefined;
  });
  return () => {
    if (cluster === undefined) throw new Error('the PostgreSQL cluster is not started');
    return cluster;
  };
}
