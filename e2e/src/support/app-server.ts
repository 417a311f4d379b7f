import { spawn, type ChildProcess, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './free-port';

const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const serverDir = join(repoRoot, 'apps/server');
const tsx = join(serverDir, 'node_modules/.bin/tsx');
// E2E_APP_DIST: try the scenarios against another build of the PWA (a local experiment); the suite
// itself always runs against apps/field/dist, built by the root test command.
const builtApp = process.env['E2E_APP_DIST'] ?? join(repoRoot, 'apps/field/dist');
// The console (apps/console/dist, built by scripts/build-app.sh with the PWA), served at /console/.
const builtConsole = join(repoRoot, 'apps/console/dist');

export interface AppServer {
  url: string;
  dataDir: string;
  /** The folder the server serves the PWA from: a copy, so a test can "deploy" a new version. */
  staticDir: string;
  stop(): Promise<void>;
}

/**
 * Starts the real server the way the README's first command does (seed, then `src/server.ts`), on a
 * free loopback port, with a fresh data folder and a private copy of the built PWA.
 */
export async function startAppServer(): Promise<AppServer> {
  const root = mkdtempSync(join(tmpdir(), 'jigi-e2e-'));
  const dataDir = join(root, 'data');
  const staticDir = join(root, 'static');
  cpSync(builtApp, staticDir, { recursive: true });
  const port = await freePort();
  const env = {
    ...process.env,
    DATA_DIR: dataDir,
    STATIC_DIR: staticDir,
    CONSOLE_DIR: builtConsole,
    PORT: String(port),
    HOST: '127.0.0.1',
    LOG_LEVEL: 'warn',
  };
  execFileSync(tsx, ['src/cli/seed.ts'], { cwd: serverDir, env, stdio: 'pipe' });
  const child = spawn(tsx, ['src/server.ts'], {
    cwd: serverDir,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await waitForHealth(url, child, () => output);
  return {
    url,
    dataDir,
    staticDir,
    async stop() {
      await stopChild(child);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

async function waitForHealth(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not become healthy within 30 s:\n${output()}`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
