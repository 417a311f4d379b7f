// The only file that listens. Configuration comes from the environment (config.ts). `WORKERS=N`
// (PostgreSQL only) forks N processes that share the port (node:cluster hands each new connection
// to one of them); each is stateless and holds its own pool. SIGTERM/SIGINT close gracefully:
// in-flight requests finish, then the database is closed; the primary forwards the signal.
import cluster from 'node:cluster';
import { buildApp } from './app';
import { loadConfig } from './config';
import { StoreOpenError, StoreSchemaTooNewError } from './storage/store-errors';

const loaded = loadConfig(process.env);
if (!loaded.ok) {
  process.stderr.write(`${loaded.message}\n`);
  process.exit(1);
}
const { config } = loaded;

if (config.workers > 1 && cluster.isPrimary) {
  runPrimary(config.workers);
} else {
  await runWorker();
}

function runPrimary(workers: number): void {
  let stopping = false;
  let failed = false;
  // A worker that exits before it listens could not start (database unreachable, schema too new):
  // the same cause would stop every replacement, so all stop and the primary exits 1. One that
  // dies after it listened (a crash) is replaced.
  const listening = new Set<number>();
  const stopAll = () => {
    stopping = true;
    for (const w of Object.values(cluster.workers ?? {})) w?.kill('SIGTERM');
  };
  cluster.on('listening', (worker) => listening.add(worker.id));
  cluster.on('exit', (worker, code, signal) => {
    const started = listening.delete(worker.id);
    if (!stopping && !started) {
      process.stderr.write(`Un processus serveur n’a pas pu démarrer (code ${String(code)}).\n`);
      failed = true;
      stopAll();
    } else if (!stopping) {
      process.stderr.write(
        `Processus serveur ${worker.process.pid ?? '?'} arrêté (${signal || String(code)}) : relancé.\n`,
      );
      cluster.fork();
      return;
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(failed ? 1 : 0);
  });
  for (let i = 0; i < workers; i++) cluster.fork();
  for (const signal of ['SIGTERM', 'SIGINT'] as const) process.on(signal, stopAll);
}

async function runWorker(): Promise<void> {
  let app: Awaited<ReturnType<typeof buildApp>>;
  try {
    app = await buildApp({
      dataDir: config.dataDir,
      databaseUrl: config.databaseUrl,
      poolSize: config.poolSize,
      staticDir: config.staticDir,
      consoleDir: config.consoleDir,
      logLevel: config.logLevel,
    });
  } catch (e: unknown) {
    if (e instanceof StoreOpenError || e instanceof StoreSchemaTooNewError) {
      process.stderr.write(`Démarrage impossible — ${e.message}\n`);
      process.exit(1);
    }
    throw e;
  }

  let closing = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down');
      app.close().then(
        () => process.exit(0),
        (err: unknown) => {
          app.log.error({ err }, 'error while shutting down');
          process.exit(1);
        },
      );
    });
  }

  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (err: unknown) {
    app.log.error({ err }, 'could not listen');
    process.exit(1);
  }
}
