// Backup and restore on PostgreSQL as the server README says to do them: `pg_dump -Fc`, later
// `pg_restore` into an empty database and `rotate-epoch`. Tablets' cursors then answer 410; each
// walks everything again and re-sends what the dump did not hold, so nothing is lost.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createDatabase, postgresBinDir } from '@jigi/testkit';
import { describe, expect, inject, it } from 'vitest';
import { buildApp } from '../../app';
import { registerDevice } from '../../test-support/harness';
import { ciblage, createMutation, pull, pullAll, push } from '../../test-support/sync-client';

const serverDir = path.resolve(import.meta.dirname, '../../..');
const tsx = path.join(serverDir, 'node_modules/.bin/tsx');

describe('PostgreSQL backup and restore', { timeout: 90_000 }, () => {
  it('pg_dump, pg_restore and rotate-epoch: tablets get 410, resync, and re-send what the dump lacked', async () => {
    const admin = inject('postgresAdminUrl');
    const url = await createDatabase(admin, 'jigi_live', inject('postgresTemplate'));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigi-pgdump-'));
    const dump = path.join(dir, 'jigi.dump');
    const app = await buildApp({ databaseUrl: url, logLevel: 'silent' });
    const tablet = await registerDevice(app, 'enq.koro');
    const kept = ciblage(1, tablet);
    const lost = ciblage(2, tablet);
    try {
      expect((await push(app, tablet, [createMutation(1, kept)])).statusCode).toBe(200);
      execFileSync(path.join(postgresBinDir(), 'pg_dump'), ['-Fc', '-f', dump, url]);
      // Written after the backup: the restored database will not have it.
      expect((await push(app, tablet, [createMutation(2, lost)])).statusCode).toBe(200);
      const before = await pullAll(app, tablet);
      const restoredUrl = await createDatabase(admin, 'jigi_restored');
      execFileSync(path.join(postgresBinDir(), 'pg_restore'), [
        '--no-owner',
        '-d',
        restoredUrl,
        dump,
      ]);
      const rotated = execFileSync(tsx, ['src/cli/rotate-epoch.ts'], {
        cwd: serverDir,
        env: { ...process.env, DATABASE_URL: restoredUrl, LOG_LEVEL: 'silent' },
        encoding: 'utf8',
      });
      expect(rotated).toContain('Nouvelle époque');

      const restored = await buildApp({ databaseUrl: restoredUrl, logLevel: 'silent' });
      try {
        const old = await pull(restored, tablet, { cursor: before.cursor });
        expect(old.status).toBe(410);
        expect(old.body.error?.code).toBe('epoch_changed');
        // The walk from scratch brings back what the dump held, the tablet's own record included.
        const walk = await pullAll(restored, tablet);
        const ids = walk.changes.filter((c) => c.entity === 'record').map((c) => c.id);
        expect(ids).toContain(kept.id);
        expect(ids).not.toContain(lost.id);
        // The restored server expects mutation 2 again: the tablet re-sends what was lost.
        const resent = await push(restored, tablet, [createMutation(2, lost)]);
        expect(resent.statusCode).toBe(200);
        expect(resent.json<{ results: { outcome: string }[] }>().results[0]?.outcome).toBe(
          'applied',
        );
        const after = await pullAll(restored, tablet, walk.cursor);
        expect(after.changes).toEqual([]);
      } finally {
        await restored.close();
      }
    } finally {
      await app.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
