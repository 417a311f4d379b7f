// `WORKERS=N` as it runs in production: server.ts in a child process forking N processes on one
// port and one PostgreSQL database; each answers health with its own pid; SIGTERM stops them all.
import { spawn, spawnSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { createDatabase } from '@jigi/testkit';
import { describe, expect, inject, it } from 'vitest';

const serverDir = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(serverDir, 'node_modules/.bin/tsx');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        resolve(typeof address === 'object' && address !== null ? address.port : 0);
      });
    });
  });
}

describe('WORKERS=N on PostgreSQL', { timeout: 90_000 }, () => {
  it('serves one port from two processes that share the database, and stops them on SIGTERM', async () => {
    const url = await createDatabase(inject('postgresAdminUrl'), 'jigi_workers', 'jigi_seeded');
    const port = await freePort();
    const child = spawn(tsx, ['src/server.ts'], {
      cwd: serverDir,
      env: {
        ...process.env,
        DATABASE_URL: url,
        WORKERS: '2',
        PORT: String(port),
        LOG_LEVEL: 'warn',
      },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    try {
      const pids = new Set<number>();
      const epochs = new Set<string>();
      for (let i = 0; i < 300 && pids.size < 2; i++) {
        const health = await fetch(`http://127.0.0.1:${port}/api/health`, {
          headers: { connection: 'close' },
        }).then(
          (r) =>
            r.json() as Promise<{ status: string; pid: number; backend: string; epoch: string }>,
          () => undefined,
        );
        if (health === undefined) await new Promise((r) => setTimeout(r, 200));
        else {
          expect(health).toMatchObject({ status: 'ok', backend: 'postgres' });
          pids.add(health.pid);
          epochs.add(health.epoch);
        }
      }
      expect(pids.size).toBe(2);
      expect(epochs.size).toBe(1);
      // A login on one process is a session on the other: the state is the database's.
      const login = await fetch(`http://127.0.0.1:${port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'sup.koro', password: 'demo1234' }),
      });
      expect(login.status).toBe(200);
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      for (let i = 0; i < 6; i++) {
        const session = await fetch(`http://127.0.0.1:${port}/api/auth/session`, {
          headers: { cookie, connection: 'close' },
        });
        expect(session.status).toBe(200);
      }
    } finally {
      child.kill('SIGTERM');
    }
    expect(await exited).toBe(0);
  });

  it('refuses several workers on SQLite, saying why, before opening anything', () => {
    const env = { ...process.env };
    delete env['DATABASE_URL'];
    const run = spawnSync(tsx, ['src/server.ts'], {
      cwd: serverDir,
      env: { ...env, WORKERS: '2', LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('WORKERS');
    expect(run.stderr).toContain('PostgreSQL');
  });

  it('stops with the host and the cause when DATABASE_URL cannot be reached', () => {
    const run = spawnSync(tsx, ['src/server.ts'], {
      cwd: serverDir,
      env: { ...process.env, DATABASE_URL: 'postgres://jigi@127.0.0.1:1/jigi', LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Démarrage impossible');
    expect(run.stderr).toContain('127.0.0.1:1/jigi');
    expect(run.stderr).toContain('ECONNREFUSED');
  });
});
