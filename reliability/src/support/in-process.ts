import { buildApp, type AppOptions } from '../../../apps/server/src/app';
import { provisionDataDir, type DataDir } from './provision';

// fastify is the server's dependency, not the suite's: its type comes through buildApp.
type FastifyInstance = Awaited<ReturnType<typeof buildApp>>;

/** A server built in this process over a provisioned data folder, listening on 127.0.0.1. */
export type InProcessServer = {
  app: FastifyInstance;
  url: string;
  data: DataDir;
  /** Every answer with status ≥ 500, as method, url, status (the suite asserts it stays empty). */
  serverErrors: string[];
  close(): Promise<void>;
};

export async function startInProcess(
  options: { devices?: number; label?: string; data?: DataDir; app?: Partial<AppOptions> } = {},
): Promise<InProcessServer> {
  const data =
    options.data ?? (await provisionDataDir(options.devices ?? 2, options.label ?? 'inproc'));
  const app = await buildApp({ dataDir: data.dir, logLevel: 'silent', ...options.app });
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
      if (options.data === undefined) data.remove();
    },
  };
}
