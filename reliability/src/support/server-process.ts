import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import { serverBundle } from './server-bundle';
import { serverDir } from './server-paths';

/** A free TCP port on 127.0.0.1 (the OS picks it; released just before the server takes it). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

/**
 * The real server (`src/server.ts`, as deployed) in a child process over a data folder. `kill()`
 * is SIGKILL — no shutdown hook runs, the WAL is left as it is — and `start()` again reopens the
 * same folder on the same port, as a supervisor (systemd) would after a crash.
 */
export class ServerProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  readonly url: string;
  starts = 0;
  kills = 0;
  /** Server stderr lines that look like errors (a 500 is logged at level error). */
  readonly errorLines: string[] = [];

  private constructor(
    readonly dataDir: string,
    readonly port: number,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  static async start(dataDir: string): Promise<ServerProcess> {
    const server = new ServerProcess(dataDir, await freePort());
    await server.start();
    return server;
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  async start(): Promise<void> {
    if (this.child !== undefined) throw new Error('server already running');
    // One process running src/server.ts (bundled, see server-bundle.ts) — not the tsx CLI, which
    // runs the server in a child of its own: a SIGKILL of the CLI would orphan a live server.
    const child = spawn(process.execPath, [await serverBundle()], {
      cwd: serverDir,
      env: {
        ...process.env,
        DATA_DIR: this.dataDir,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        NODE_ENV: 'production',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts++;
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n'))
        if (/"level":(50|60)|Error/.test(line)) this.errorLines.push(line.slice(0, 2000));
    };
    child.stdout.on('data', collect);
    child.stderr.on('data', collect);
    this.exited = new Promise((resolve) =>
      child.once('exit', () => {
        resolve();
      }),
    );
    await this.waitHealthy(child);
  }

  private async waitHealthy(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      if (child.exitCode !== null)
        throw new Error(
          `server exited with ${child.exitCode} while starting: ${this.errorLines.join('\n')}`,
        );
      try {
        const res = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(1000) });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      await sleep(50);
    }
    throw new Error('server did not become healthy within 30 s');
  }

  /** SIGKILL: the process dies wherever it is, mid-transaction included. */
  async kill(): Promise<void> {
    const child = this.child;
    if (child === undefined) return;
    child.kill('SIGKILL');
    this.kills++;
    await this.exited;
    this.child = undefined;
  }

  /** Graceful stop (SIGTERM), for the end of a test. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child === undefined) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await this.exited;
    clearTimeout(timer);
    this.child = undefined;
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
