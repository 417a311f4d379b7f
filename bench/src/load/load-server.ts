import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { serverBundle } from '../../../reliability/src/support/server-bundle';
import { serverDir } from '../../../reliability/src/support/server-paths';
import { freePort } from '../../../reliability/src/support/server-process';

/** How the load run starts the server: its data folder, and PostgreSQL with N processes or not. */
export interface LoadServerOptions {
  dataDir: string;
  /** `postgres://…`; absent: the SQLite file in `dataDir`. */
  databaseUrl?: string | undefined;
  /** `WORKERS`: processes serving the one port. */
  workers: number;
}

/**
 * The real server (`src/server.ts`, bundled as reliability's `ServerProcess` bundles it, production
 * mode, log level warn) as a child process configured by its environment only — `DATA_DIR`,
 * `DATABASE_URL`, `WORKERS` — on a free port of 127.0.0.1. Started when every one of its processes
 * answers `/api/health` (each answers with its pid); stopped with SIGTERM, which the primary
 * forwards to its workers.
 */
export class LoadServer {
  readonly errorLines: string[] = [];
  /** The pids that answered `/api/health` at start: one per serving process. */
  readonly pids = new Set<number>();
  private readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n'))
        if (/"level":(50|60)|Error|impossible|arrêté/.test(line))
          this.errorLines.push(line.slice(0, 2000));
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    this.exited = new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) resolve();
      else
        child.once('exit', () => {
          resolve();
        });
    });
  }

  /** The primary's pid (the only process when `workers` is 1). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  static async start(options: LoadServerOptions): Promise<LoadServer> {
    const port = await freePort();
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: options.dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      WORKERS: String(options.workers),
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    };
    delete env.DATABASE_URL;
    if (options.databaseUrl !== undefined) env.DATABASE_URL = options.databaseUrl;
    const child = spawn(process.execPath, [await serverBundle()], {
      cwd: serverDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const server = new LoadServer(child, `http://127.0.0.1:${port}`);
    try {
      await server.waitHealthy(options.workers);
    } catch (e: unknown) {
      await server.stop();
      throw e;
    }
    return server;
  }

  /**
   * Until `workers` distinct pids have answered: node:cluster hands each new connection to the
   * next process in turn, so health probes on fresh connections reach every one of them.
   */
  private async waitHealthy(workers: number): Promise<void> {
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      if (this.child.exitCode !== null)
        throw new Error(
          `server exited with ${this.child.exitCode} while starting: ${this.errorLines.join('\n')}`,
        );
      const pid = await healthPid(this.url);
      if (pid !== undefined) this.pids.add(pid);
      if (this.pids.size >= workers) return;
      await new Promise((resolve) => setTimeout(resolve, pid === undefined ? 100 : 20));
    }
    throw new Error(
      `server did not answer from ${workers} processes within 60 s (${this.pids.size} did)`,
    );
  }

  /** Graceful stop (SIGTERM to the primary, which stops its workers); SIGKILL after 15 s. */
  async stop(): Promise<void> {
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGTERM');
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
      await this.exited;
      clearTimeout(timer);
    }
  }
}

/** The pid `/api/health` answers with, on a connection of its own; undefined when not serving yet. */
function healthPid(url: string): Promise<number | undefined> {
  return new Promise((resolve) => {
    const req = http.get(`${url}/api/health`, { agent: false, timeout: 1000 }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => {
        try {
          const body = JSON.parse(text) as { pid?: unknown };
          resolve(res.statusCode === 200 && typeof body.pid === 'number' ? body.pid : undefined);
        } catch {
          resolve(undefined);
        }
      });
    });
    req.on('timeout', () => req.destroy());
    req.on('error', () => {
      resolve(undefined);
    });
  });
}
