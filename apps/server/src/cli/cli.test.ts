import { execFileSync, spawn } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { demoUsers } from '../services/seed-demo';
import { checkDatabase } from '../storage/sqlite/backup';
import { migrations } from '../storage/sqlite/migrations';
import { openSqliteStore } from '../storage/sqlite/sqlite-store';

const serverDir = path.resolve(import.meta.dirname, '../..');
const tsx = path.join(serverDir, 'node_modules/.bin/tsx');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigi-cli-'));
const run = (script: string, args: string[] = []) =>
  execFileSync(tsx, [script, ...args], {
    cwd: serverDir,
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });

describe('command-line tools', { timeout: 90_000 }, () => {
  afterAll(() => {
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('seed creates the README demo once, prints the logins, and a second run changes nothing', async () => {
    const first = run('src/cli/seed.ts');
    for (const u of demoUsers) expect(first).toContain(u.login);
    expect(first).toContain('demo1234');
    expect(first).toContain('6 comptes créés');
    const second = run('src/cli/seed.ts');
    expect(second).toContain('0 comptes créés, 0 données de référence créées');
    const store = openSqliteStore(path.join(dataDir, 'jigi.sqlite'));
    try {
      await store.read(async (tx) => {
        expect(
          (await tx.accounts.listUsers()).map((u: { login: string }) => u.login).sort(),
        ).toEqual(demoUsers.map((u: { login: string }) => u.login).sort());
        const villages = await tx.reference.listVillages();
        expect(villages.every((v) => v.data['demo'] === true && v.name.includes('démo'))).toBe(
          true,
        );
        expect(villages.map((v) => v.communeCode.split('.').slice(0, 2).join('.')).sort()).toEqual([
          'gao.gao',
          'mopti.bankass',
          'mopti.bankass',
          'mopti.koro',
          'mopti.koro',
        ]);
        expect(await tx.reference.listHouseholds(villages.map((v) => v.id))).toHaveLength(50);
        expect(await tx.reference.listMicroprojects()).toHaveLength(1);
        expect((await tx.reference.settings())?.version).toBe(1);
      });
    } finally {
      await store.close();
    }
  });

  it('backup writes a checked copy', () => {
    const target = path.join(dataDir, 'copie.sqlite');
    expect(run('src/cli/backup.ts', [target])).toContain('intégrité ok');
    expect(checkDatabase(target)).toMatchObject({ ok: true, userVersion: migrations.length });
  });

  it('server.ts listens on PORT, answers, and exits cleanly on SIGTERM', async () => {
    const port = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const address = probe.address();
        probe.close(() => {
          resolve(typeof address === 'object' && address !== null ? address.port : 0);
        });
      });
    });
    const child = spawn(tsx, ['src/server.ts'], {
      cwd: serverDir,
      env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: 'ignore',
    });
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => {
        resolve(code);
      }),
    );
    let health: unknown;
    // Until it answers or a minute has passed: tsx compiling the server on two busy cores can take
    // far longer than the 20 s this loop used to allow.
    const deadline = Date.now() + 60_000;
    while (health === undefined && Date.now() < deadline) {
      health = await fetch(`http://127.0.0.1:${port}/api/health`).then(
        (r) => r.json(),
        () => undefined,
      );
      if (health === undefined) await new Promise((r) => setTimeout(r, 200));
    }
    expect(health).toMatchObject({ status: 'ok' });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
