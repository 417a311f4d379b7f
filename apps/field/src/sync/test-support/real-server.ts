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

export interface ServerRepo {
  epoch(): string;
  rotateEpoch(epoch: string): void;
  backup(file: string): Promise<void>;
  close(): void;
  recordById(
    id: string,
  ): { id: string; version: number; data: Record<string, unknown>; deleted: boolean } | undefined;
  deviceById(id: string): { lastMutationId: number } | undefined;
  batchByNumber(n: number):
    | {
        number: number;
        deviceId: string;
        clientTime: string;
        clockOffsetMs: number;
        counts: Record<string, number>;
      }
    | undefined;
}

interface Harness {
  startTestServer(options?: { seed?: boolean; app?: Record<string, unknown> }): Promise<{
    app: ServerApp;
    repo: ServerRepo;
    dir: string;
    clock: { now: Date; advance(ms: number): void };
    close(): Promise<void>;
  }>;
}
interface AppModule {
  buildApp: (options: Record<string, unknown>) => Promise<ServerApp>;
}
interface RepoModule {
  createSqliteRepository: (file: string) => ServerRepo;
}

// A file path, not a URL: under jsdom `import.meta.url` resolves against vitest's http origin.
const serverSrc = `${(import.meta as { dirname?: string }).dirname ?? '.'}/../../../../server/src/`;
const load = <T>(path: string): Promise<T> =>
  import(/* @vite-ignore */ `${serverSrc}${path}`) as Promise<T>;

export interface RealServer {
  url: string;
  repo: ServerRepo;
  dir: string;
  clock: { now: Date; advance(ms: number): void };
  /** Raw SQL reads for assertions (the server's own SQLite file, read-only). */
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
  const s = await harness.startTestServer();
  const url = await listen(s.app);
  return { url, repo: s.repo, dir: s.dir, clock: s.clock, stop: () => s.close() };
}

/**
 * A server restored from a backup file (docs/architecture.md §4): a fresh process over the copy, with
 * a new epoch, so cursors of before answer 410.
 */
export async function startRestoredServer(
  backupFile: string,
  epoch: string,
): Promise<{ url: string; repo: ServerRepo; stop(): Promise<void> }> {
  const { createSqliteRepository } = await load<RepoModule>('storage/sqlite-repository.ts');
  const { buildApp } = await load<AppModule>('app.ts');
  const repo = createSqliteRepository(backupFile);
  repo.rotateEpoch(epoch);
  const app = await buildApp({
    repository: repo,
    logLevel: 'silent',
    now: () => new Date('2026-03-15T12:00:00.000Z'),
  });
  const url = await listen(app);
  return {
    url,
    repo,
    async stop() {
      await app.close();
      repo.close();
    },
  };
}

export const DEMO_PASSWORD = 'demo1234';
