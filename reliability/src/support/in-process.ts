import type { PostgresCluster } from '@jigi/testkit';
import { buildApp, type AppOptions } from '../../../apps/server/src/app';
import {
  provisionDataDir,
  provisionPostgres,
  type DataDir,
  type Deployment,
  type PostgresData,
} from './provision';

// fastify is the server's dependency, not the suite's: its type comes through buildApp.
type FastifyInstance = Awaited<ReturnType<typeof buildApp>>;

/** A server built in this process over a provisioned deployment, listening on 127.0.0.1. */
export type InProcessServer<D extends Deployment = DataDir> = {
  app: FastifyInstance;
  url: string;
  data: D;
  /** Every answer with status ≥ 500, as method, url, status (the suite asserts it stays empty). */
  serverErrors: string[];
  close(): Promise<void>;
};

type Options = {
  devices?: number;
  label?: string;
  app?: Partial<AppOptions>;
  /** Provision a database of this cluster (PostgreSQL) instead of a SQLite data folder. */
  cluster?: PostgresCluster | undefined;
};

export async function startInProcess<D extends Deployment>(
  options: Options & { data: D },
): Promise<InProcessServer<D>>;
export async function startInProcess(
  options: Options & { cluster: PostgresCluster },
): Promise<InProcessServer<PostgresData>>;
export async function startInProcess(
  options?: Options & { cluster?: undefined },
): Promise<InProcessServer>;
/** Either backend: PostgreSQL when `cluster` is given. */
export async function startInProcess(options: Options): Promise<InProcessServer<Deployment>>;
export async function startInProcess(
  options: Options & { data?: Deployment } = {},
): Promise<InProcessServer<Deployment>> {
  const devices = options.devices ?? 2;
  const label = options.label ?? 'inproc';
  const data =
    options.data ??
    (options.cluster === undefined
      ? await provisionDataDir(devices, label)
      : await provisionPostgres(options.cluster, devices, label));
  const app = await buildApp({
    dataDir: data.dir,
    ...(data.backend === 'postgres' ? { databaseUrl: data.databaseUrl, poolSize: 10 } : {}),
    logLevel: 'silent',
    ...options.app,
  });
  const serverErrors: string[] = [];
  app.addHook('onResponse', (request, reply, done) => {
    if (reply.statusCode >= 500)
      serverErrors.push(`${request.method} ${request.url} → ${reply.statusCode}`);
    done();
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    app,
    url: `http://127.0.0.1:${port}`,
    data,
    serverErrors,
    async close() {
      await app.close();
      if (options.data === undefined) await data.remove();
    },
  };
}
