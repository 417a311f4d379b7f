// The real sync server (apps/server `buildApp()` over a real SQLite file in a temp folder) on a free
// 127.0.0.1 port, for the sync engine's tests . Apps never import each other in
// code that ships (docs/architecture.md), and the field app's typecheck must not pull in the server's Node
// types, so the server is loaded at run time from its own folder and typed here by the little the
// tests use.

interface ServerApp {
  listen(options: { port: number; host: string }): Promise<string>;
  close(): Promise<void>;
  server: { address(): { port: number } | string | null };
}

/** The little of the server's transaction (apps/server storage/store.ts `Tx`) the tests read. */
export interface ServerTx {
  sync: {
    recordById(
      id: string,
    ): Promise<
      { id: string; version: number; data: Record<string, unknown>; deleted: boolean } | undefined
    >;
    batchByNumber(n: number): Promise<
      | {
          number: number;
          deviceId: string;
          clientTime: string;
          clockOffsetMs: number;
          counts: Record<string, number>;
        }
      | undefined
    >;
  };
  accounts: {
    deviceById(
      id: string,
    ): Promise<{ lastMutationId: number; reportedUnsynced: number | null } | undefined>;
  };
  meta: { epoch(): Promise<string>; rotateEpoch(epoch: string): Promise<void> };
}

/** The server's store (apps/server storage/store.ts `Store`), typed by what the tests use. */
export interface ServerStore {
  read<T>(fn: (tx: ServerTx) => Promise<T>): Promise<T>;
  write<T>(fn: (tx: ServerTx) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

interface Harness {
  startTestServer(options?: { seed?: boolean; app?: Record<string, unknown> }): Promise<{
    app: ServerApp;
    store: ServerStore;
    dir: string;
    clock: { now: Date; advance(ms: number): void };
    close(): Promise<void>;
  }>;
}
interface AppModule {
  buildApp: (options: Record<string, unknown>) => Promise<ServerApp>;
}
interface StoreModule {
  openSqliteStore: (file: string) => ServerStore;
}
interface BackupModule {
  backupDatabase: (source: string, target: string) => Promise<{ pages: number }>;
}

// A file path, not a URL: under jsdom `import.meta.url` resolves against vitest's http origin.
const serverSrc = `${(import.meta as { dirname?: string }).dirname ?? '.'}/../../../../server/src/`;
const load = <T>(path: string): Promise<T> =>
  import(/* @vite-ignore */ `${serverSrc}${path}`) as Promise<T>;

export interface RealServer {
  url: string;
  /** The server's own store, for assertions (`await store.read((tx) => tx.sync.recordById(id))`). */
  store: ServerStore;
  dir: string;
  clock: { now: Date; advance(ms: number): void };
  /** An online backup of the server's SQLite file (`dir/jigi.sqlite`) to `file`. */
  backup(file: string): Promise<void>;
  stop(): Promise<void>;
}

async function listen(app: ServerApp): Promise<string> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return `http://127.0.0.1:${address.port}`;
}

/** A seeded demo server (users enq.koro, …, password demo1234) listening on a free port. */
export async function startRealServer(): Promise<RealServer> {
  const harness = await load<Harness>('test-support/harness.ts');
  const { backupDatabase } = await load<BackupModule>('storage/sqlite/backup.ts');
  const s = await harness.startTestServer();
  const url = await listen(s.app);
  return {
    url,
    store: s.store,
    dir: s.dir,
    clock: s.clock,
    async backup(file) {
      await backupDatabase(`${s.dir}/jigi.sqlite`, file);
    },
    stop: () => s.close(),
  };
}

/**
 * A server restored from a backup file (docs/architecture.md §4): a fresh process over the copy, with
 * a new epoch, so cursors of before answer 410.
 */
export async function startRestoredServer(
  backupFile: string,
  epoch: string,
): Promise<{ url: string; store: ServerStore; stop(): Promise<void> }> {
  const { openSqliteStore } = await load<StoreModule>('storage/sqlite/sqlite-store.ts');
  const { buildApp } = await load<AppModule>('app.ts');
  const store = openSqliteStore(backupFile);
  await store.write((tx) => tx.meta.rotateEpoch(epoch));
  const app = await buildApp({
    store,
    logLevel: 'silent',
    now: () => new Date('2026-03-15T12:00:00.000Z'),
  });
  const url = await listen(app);
  return {
    url,
    store,
    async stop() {
      await app.close();
      await store.close();
    },
  };
}

export const DEMO_PASSWORD = 'demo1234';
