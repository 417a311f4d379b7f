// Moving a deployment: a SQLite server with real traffic (pushes, a conflict, a return for
// correction) is copied into an empty PostgreSQL database; tablets then sync on with nothing lost,
// nothing twice, and no resync.
import fs from 'node:fs';
import path from 'node:path';
import { createDatabase } from '@jigi/testkit';
import Database from 'better-sqlite3';
import pg from 'pg';
import { inject, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { loginSession, registerDevice, startTestServer } from '../../test-support/harness';
import {
  ciblage,
  createMutation,
  headMemberId,
  patchMutation,
  pull,
  pullAll,
  push,
} from '../../test-support/sync-client';
import { copySqliteToPostgres, verifyCopy } from '../copy-to-postgres';

describe('copying a SQLite deployment into PostgreSQL', { timeout: 60_000 }, () => {
  it('copies everything, checks it, and tablets continue with their cursors and mutation ids', async () => {
    const s = await startTestServer({ backend: 'sqlite' });
    const a = await registerDevice(s.app, 'enq.koro', 'Tablette A');
    const b = await registerDevice(s.app, 'enq.koro', 'Tablette B');
    const records = Array.from({ length: 30 }, (_, i) => ciblage(i + 1, a));
    expect(
      (
        await push(
          s.app,
          a,
          records.map((r, i) => createMutation(i + 1, r)),
        )
      ).statusCode,
    ).toBe(200);
    const bBefore = await pullAll(s.app, b);
    // A conflict on a critical field, and a record returned for correction.
    const first = records[0];
    if (first === undefined) throw new Error('records expected');
    await push(s.app, a, [
      patchMutation(31, first, 1, { [`members.${headMemberId}.firstName`]: 'Hamadoun' }),
    ]);
    await push(s.app, b, [
      patchMutation(1, first, 1, { [`members.${headMemberId}.firstName`]: 'Bakary' }),
    ]);
    const supervisor = await loginSession(s.app, 'sup.koro');
    const returned = await s.app.inject({
      method: 'POST',
      url: `/api/review/records/${records[1]?.id ?? ''}/decision`,
      headers: supervisor,
      payload: { decision: 'return', comment: 'Vérifier le téléphone' },
    });
    expect(returned.statusCode).toBe(200);
    const aCursor = (await pullAll(s.app, a)).cursor;
    await s.app.close();
    await s.store.close();

    const url = await createDatabase(inject('postgresAdminUrl'), 'jigi_copy_target');
    const report = await copySqliteToPostgres(path.join(s.dir, 'jigi.sqlite'), url);
    expect(report.ok).toBe(true);
    const count = (table: string) => report.tables.find((t) => t.table === table)?.rows;
    expect(count('records')).toBe(30);
    expect(count('device_mutations')).toBe(32);
    expect(count('tasks')).toBe(1);
    expect(count('users')).toBe(6);
    expect(report.lastSeq).toBeGreaterThan(0);

    // The same tablets, tokens and cursors, now on PostgreSQL.
    const app = await buildApp({ databaseUrl: url, logLevel: 'silent' });
    try {
      const resumed = await pull(app, a, { cursor: aCursor });
      expect(resumed.status).toBe(200);
      expect(resumed.body.changes).toEqual([]);
      const next = ciblage(40, a);
      const pushed = await push(app, a, [createMutation(32, next)]);
      expect(pushed.statusCode).toBe(200);
      expect(pushed.json<{ results: { outcome: string }[] }>().results[0]?.outcome).toBe('applied');
      // B walks on from where it was: the conflict, the new record, nothing twice.
      const bAfter = await pullAll(app, b, bBefore.cursor);
      const ids = bAfter.changes.map((c) => `${c.entity}:${c.id}`);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids).toContain(`record:${next.id}`);
      expect(bAfter.changes.some((c) => c.entity === 'conflict')).toBe(true);
      const conflicts = await app.inject({
        method: 'GET',
        url: '/api/review/conflicts',
        headers: await loginSession(app, 'sup.koro'),
      });
      expect(conflicts.json<{ conflicts: unknown[] }>().conflicts).toHaveLength(1);
    } finally {
      await app.close();
    }

    // A second copy into the same, no longer empty, database is refused and changes nothing.
    await expect(copySqliteToPostgres(path.join(s.dir, 'jigi.sqlite'), url)).rejects.toThrow(
      'n’est pas vide',
    );
    // The check is a real one: one changed value in PostgreSQL and the records table differs.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const sqlite = new Database(path.join(s.dir, 'jigi.sqlite'), { readonly: true });
    try {
      await client.query("UPDATE records SET data = '{}' WHERE id = $1", [first.id]);
      const after = await verifyCopy(sqlite, client);
      expect(after.tables.filter((t) => !t.matches).map((t) => t.table)).toContain('records');
    } finally {
      sqlite.close();
      await client.end();
      fs.rmSync(s.dir, { recursive: true, force: true });
    }
  });
});
