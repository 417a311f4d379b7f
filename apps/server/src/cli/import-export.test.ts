import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportFileBytes } from '../test-support/export-file';
import { registerDevice, startTestServer, type TestServer } from '../test-support/harness';
import { ciblage, createMutation, type TestDevice } from '../test-support/sync-client';

const serverDir = path.resolve(import.meta.dirname, '../..');

/** The CLI as an operator runs it: its own Node process on DATA_DIR. */
function runImport(
  s: TestServer,
  file: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'src/cli/import-export.ts', file],
      {
        cwd: serverDir,
        env: {
          ...process.env,
          DATA_DIR: s.dir,
          ...(s.databaseUrl === undefined ? {} : { DATABASE_URL: s.databaseUrl }),
          LOG_LEVEL: 'warn',
        },
        timeout: 60_000,
      },
      (error, stdout, stderr) => {
        resolve({
          code: error === null ? 0 : typeof error.code === 'number' ? error.code : 1,
          stdout,
          stderr,
        });
      },
    );
  });
}

describe('import-export CLI', { timeout: 90_000 }, () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigi-import-cli-'));
  let tablet: TestDevice;
  let s: TestServer;
  beforeAll(async () => {
    // A database holding the demo and one registered tablet; the CLI opens it beside the server.
    s = await startTestServer();
    tablet = await registerDevice(s.app, 'enq.koro');
  });
  afterAll(async () => {
    await s.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('imports a file into DATA_DIR, prints the summary, and a second run changes nothing', async () => {
    const records = [ciblage(201, tablet), ciblage(202, tablet)];
    const file = path.join(dataDir, 'jigi-export-tablette.json.gz');
    fs.writeFileSync(
      file,
      await exportFileBytes(tablet, 'user-enq-koro', [
        [createMutation(1, records[0]!)],
        [createMutation(2, records[1]!)],
      ]),
    );

    const first = await runImport(s, file);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toContain(`Import de la tablette ${tablet.deviceId}`);
    expect(first.stdout).toContain(
      '2 modification(s) : applied 2, merged 0, duplicate 0, conflict_queued 0, rejected 0',
    );
    const second = await runImport(s, file);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('applied 0, merged 0, duplicate 2');
    expect(second.stdout).toContain('lots créés : aucun');

    const tx = s.db;
    {
      const versions = [];
      for (const r of records) versions.push((await tx.sync.recordById(r.id))?.version);
      expect(versions).toEqual([1, 1]);
      expect((await tx.sync.listBatches({ limit: 10, offset: 0 })).total).toBe(2);
      expect(
        (await tx.audit.recent(10))
          .filter((e) => e.action === 'sync.import')
          .map((e) => [e.userId, (e.details as { via: string }).via]),
      ).toEqual([
        [null, 'cli'],
        [null, 'cli'],
      ]);
    }
  });

  it('exits non-zero with the code and message of a refused file', async () => {
    const file = path.join(dataDir, 'pas-un-export.json');
    fs.writeFileSync(file, '{"format":"jigi-collect-export"}');
    const res = await runImport(s, file);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('import_not_gzip');
    expect(res.stdout).toBe('');
    const missing = await runImport(s, path.join(dataDir, 'absent.json.gz'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('absent.json.gz');
  });
});
