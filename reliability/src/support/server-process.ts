import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import type { Deployment } from './provision';
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

export type ServerProcessOptions = {
  /** PostgreSQL (`DATABASE_URL`) instead of the SQLite file of the data folder. */
  databaseUrl?: string | undefined;
  /** `WORKERS`: the primary forks this many processes on one port (PostgreSQL only). */
  workers?: number;
};

/**
 * The real server (`src/server.ts`, as deployed) in a child process over a data folder or a
 * PostgreSQL database. `kill()` is SIGKILL of the server's whole process group (with `WORKERS=N`:
 * the primary and every worker, as a supervisor killing the service would) — no shutdown hook runs,
 * the WAL is left as it is — and `start()` again reopens the same deployment on the same port, as
 * systemd would after a crash. `killWorker()` SIGKILLs one worker alone: its primary forks another.
 */
export class ServerProcess {
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();
  readonly url: string;
  starts = 0;
  /** SIGKILLs of the whole server, and of one worker alone. */
  kills = 0;
  workerKills = 0;
  /** Server stderr lines that look like errors (a 500 is logged at level error). */
  readonly errorLines: string[] = [];
  /** The last lines the server printed, for failure messages. */
  readonly output: string[] = [];

  private constructor(
    readonly dataDir: string,
    readonly port: number,
    readonly options: ServerProcessOptions,
  ) {
    this.url = `http://127.0.0.1:${port}`;
  }

  static async start(dataDir: string, options: ServerProcessOptions = {}): Promise<ServerProcess> {
    const server = new ServerProcess(dataDir, await freePort(), options);
    await server.start();
    return server;
  }

  /** The server of a provisioned deployment, either backend. */
  static on(data: Deployment, options: { workers?: number } = {}): Promise<ServerProcess> {
    return ServerProcess.start(data.dir, {
      ...options,
      databaseUrl: data.backend === 'postgres' ? data.databaseUrl : undefined,
    });
  }

  get running(): boolean {
    return this.child !== undefined;
  }

  /** Started and not exited since (a crash included). */
  get alive(): boolean {
    const child = this.child;
    return child !== undefined && child.exitCode === null && child.signalCode === null;
  }

  /** The pid of the process started (with workers, the primary). */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  get workers(): number {
    return this.options.workers ?? 1;
  }

  async start(): Promise<void> {
    if (this.child !== undefined) throw new Error('server already running');
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATA_DIR: this.dataDir,
      PORT: String(this.port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    };
    delete env['DATABASE_URL'];
    delete env['WORKERS'];
    if (this.options.databaseUrl !== undefined) env['DATABASE_URL'] = this.options.databaseUrl;
    if (this.options.workers !== undefined) env['WORKERS'] = String(this.options.workers);
    // One process running src/server.ts (bundled, see server-bundle.ts) — not the tsx CLI, which
    // runs the server in a child of its own: a SIGKILL of the CLI would orphan a live server. In a
    // process group of its own (detached), so that kill() reaches the workers it forks.
    const child = spawn(process.execPath, [await serverBundle()], {
      cwd: serverDir,
      env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts++;
    const collect = (chunk: Buffer) => {
      for (const line of chunk.toString('utf8').split('\n')) {
        if (line === '') continue;
        if (/"level":(50|60)|Error/.test(line)) this.errorLines.push(line.slice(0, 2000));
        this.output.push(line.slice(0, 2000));
        if (this.output.length > 100) this.output.shift();
      }
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
    if (!(await this.everyProcessAnswers('ok', 30_000, child)))
      throw new Error('server did not become healthy within 30 s');
  }

  /**
   * Polls `GET /api/health` on new connections until as many distinct processes as `workers` (the
   * primary hands each new connection to a listening worker) answered with `status`; false when
   * they did not within `ms`.
   */
  async everyProcessAnswers(status: string, ms: number, child = this.child): Promise<boolean> {
    const deadline = Date.now() + ms;
    const answered = new Set<number>();
    while (Date.now() < deadline) {
      if (child === undefined || child.exitCode !== null || child.signalCode !== null)
        throw new Error(
          `server exited (${child?.exitCode ?? child?.signalCode ?? 'not running'}); its last lines:\n${this.output.join('\n')}`,
        );
      const health = await this.health();
      if (health?.status === status) {
        answered.add(health.pid);
        if (answered.size >= this.workers) return true;
      }
      await sleep(50);
    }
    return false;
  }

  /** `GET /api/health` on a new connection; undefined when nothing answers. */
  async health(): Promise<{ httpStatus: number; status: string; pid: number } | undefined> {
    try {
      const res = await fetch(`${this.url}/api/health`, {
        headers: { connection: 'close' },
        signal: AbortSignal.timeout(2000),
      });
      const body = (await res.json()) as { status: string; pid: number };
      return { httpStatus: res.status, status: body.status, pid: body.pid };
    } catch {
      return undefined;
    }
  }

  /** The live workers the primary forked (`WORKERS` > 1), from /proc. */
  workerPids(): number[] {
    const primary = this.child?.pid;
    if (primary === undefined) return [];
    return liveProcesses()
      .filter((p) => p.ppid === primary)
      .map((p) => p.pid)
      .sort((a, b) => a - b);
  }

  /** SIGKILL of every process of the server: it dies wherever it is, mid-transaction included. */
  async kill(): Promise<void> {
    const child = this.child;
    if (child?.pid === undefined) return;
    signalGroup(child.pid, 'SIGKILL');
    this.kills++;
    await this.exited;
    await groupGone(child.pid);
    this.child = undefined;
  }

  /** SIGKILL of one worker; the primary forks a replacement by itself. */
  killWorker(pid: number): void {
    if (!this.workerPids().includes(pid)) throw new Error(`${pid} is not a worker of this server`);
    process.kill(pid, 'SIGKILL');
    this.workerKills++;
  }

  /** Graceful stop (SIGTERM; the primary forwards it to its workers), for the end of a test. */
  async stop(): Promise<void> {
    const child = this.child;
    if (child?.pid === undefined) return;
    const pid = child.pid;
    child.kill('SIGTERM');
    const timer = setTimeout(() => {
      signalGroup(pid, 'SIGKILL');
    }, 10_000);
    await this.exited;
    clearTimeout(timer);
    // A worker still finishing its requests after the primary left: it exits on its own.
    if (!(await groupGone(pid, 10_000))) signalGroup(pid, 'SIGKILL');
    await groupGone(pid);
    this.child = undefined;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch (e: unknown) {
    if ((e as NodeJS.ErrnoException).code !== 'ESRCH') throw e;
  }
}

type ProcessInfo = { pid: number; ppid: number; pgrp: number };

/** Processes that are alive (zombies hold no socket and are left out), from /proc/<pid>/stat. */
function liveProcesses(): ProcessInfo[] {
  const out: ProcessInfo[] = [];
  for (const name of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = fs.readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // pid (comm) state ppid pgrp …; comm may hold spaces and parentheses.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z' || fields[0] === 'X') continue;
    out.push({ pid: Number(name), ppid: Number(fields[1]), pgrp: Number(fields[2]) });
  }
  return out;
}

/** Waits until no live process is left in the group; false if some still are after `ms`. */
async function groupGone(pgid: number, ms = 30_000): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (liveProcesses().some((p) => p.pgrp === pgid)) {
    if (Date.now() > deadline) return false;
    await sleep(10);
  }
  return true;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
