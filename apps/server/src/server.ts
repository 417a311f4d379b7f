// The only file that listens. Configuration comes from the environment (config.ts); SIGTERM/SIGINT
// close the server gracefully: in-flight requests finish, then the database is closed.
import { buildApp } from './app';
import { loadConfig } from './config';

const loaded = loadConfig(process.env);
if (!loaded.ok) {
  process.stderr.write(`${loaded.message}\n`);
  process.exit(1);
}
const { config } = loaded;
const app = await buildApp({
  dataDir: config.dataDir,
  staticDir: config.staticDir,
  logLevel: config.logLevel,
});

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
