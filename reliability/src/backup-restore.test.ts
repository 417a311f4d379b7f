import path from 'node:path';
import { createPrng, generateHouseholds } from '@jigi/testkit';
import type { JsonObject } from '@jigi/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { reportFigures, runSeed } from './support/figures';
import { startInProcess, type InProcessServer } from './support/in-process';
import { provisionDataDir, type DataDir } from './support/provision';
import { runServerCli } from './support/server-cli';
import { sleep } from './support/server-process';
import { SimDevice } from './support/sim-device';
import { integrityCheck, storedRecords, withDatabase } from './support/sqlite-inspect';
import { clean, faultsOf, verifyAgainst } from './support/verify';

/** A snapshot is consistent when every table agrees with the others, as one transaction left them. */
function snapshotProblems(file: string): string[] {
  return withDatabase(file, (db) => {
    const problems: string[] = [];
    const fk = db.pragma('foreign_key_check') as unknown[];
    if (fk.length > 0) problems.push(`foreign_key_check: ${JSON.stringify(fk).slice(0, 300)}`);
    const q = (sql: string) =>
      db
        .prepare<[], { id: string }>(sql)
        .all()
        .map((r) => r.id);
    // A record's history has one row per version; a device's stored results reach its last id.
    problems.push(
      ...q(
        'SELECT r.id FROM records r WHERE r.version <> (SELECT count(*) FROM record_versions v WHERE v.record_id = r.id)',
      ).map((id) => `history of ${id}`),
    );
    problems.push(
      ...q(
        'SELECT d.id FROM devices d WHERE d.last_mutation_id <> (SELECT count(*) FROM device_mutations m WHERE m.device_id = d.id)',
      ).map((id) => `results of ${id}`),
    );
    problems.push(
      ...q(
        "SELECT r.id FROM records r WHERE NOT EXISTS (SELECT 1 FROM changes c WHERE c.entity = 'record' AND c.entity_id = r.id)",
      ).map((id) => `change log of ${id}`),
    );
    return problems;
  });
}

// Issue 9, « backup and restore »: the online backup CLI runs while tablets push; the copy is one
// consistent snapshot; after the restore CLI (new epoch) tablets get 410, pull again, re-send what
// the restored server lost, and nothing anyone typed is missing.
describe('backup during pushes, then restore', () => {
  let server: InProcessServer | undefined;
  let data: DataDir | undefined;
  afterEach(async () => {
    await server?.close();
    data?.remove();
  });

  it('the backup is consistent; after restore every tablet gets 410, resyncs, and ends with nothing lost', async () => {
    const seed = runSeed();
    data = await provisionDataDir(4, 'backup');
    const dir = data.dir;
    server = await startInProcess({ data });
    const url = server.url;
    const devices = data.devices.map((d) => new SimDevice({ ...d, baseUrl: url, maxPerBatch: 10 }));
    const households = generateHouseholds({ seed, count: 3000 }) as unknown as (JsonObject & {
      id: string;
      type: string;
    })[];
    let next = 0;
    const backup = { running: false, done: false, pushesDuring: 0 };
    const work = devices.map(async (device, d) => {
      const r = createPrng(seed + d);
      // At least two rounds start after the backup ended, however long it took (a fast server can
      // finish six rounds during it), so the restore always has work of its own to lose and get back.
      for (let round = 0, after = 0; !backup.done || round < 6 || after < 2; round++) {
        if (backup.done) after++;
        for (let i = r.int(1, 3); i > 0; i--) {
          const settled = [...device.records.keys()].filter(
            (id) => device.isSettled(id) && device.records.get(id)?.record['result'] === 'complete',
          );
          if (settled.length > 0 && r.chance(0.3))
            device.patch(r.pick(settled), { 'dwelling.roomsCount': r.int(1, 6) });
          else device.create(households[next++]!);
        }
        const during = backup.running;
        await device.pushAll();
        if (during && backup.running) backup.pushesDuring++;
        await sleep(r.int(5, 30));
      }
    });
    await sleep(300);
    const target = path.join(dir, 'backups', 'during-pushes.sqlite');
    backup.running = true;
    const cli = await runServerCli('backup', dir, [target]);
    backup.running = false;
    backup.done = true;
    await Promise.all(work);
    expect(cli.code, cli.stderr).toBe(0);
    // The case this test is about: tablets' pushes were answered while the backup command ran.
    expect(backup.pushesDuring, 'no push overlapped the backup').toBeGreaterThan(0);
    expect(integrityCheck(target)).toBe('ok');
    expect(snapshotProblems(target)).toEqual([]);
    const inBackup = storedRecords(target).length;
    for (const device of devices) await device.pullAll(); // cursors of the old epoch
    const total = devices.reduce((n, dv) => n + dv.records.size, 0);
    expect(inBackup).toBeLessThan(total); // the backup misses the work done after it

    await server.close();
    server = undefined;
    const restored = await runServerCli('restore', dir, [target]);
    expect(restored.code, restored.stderr).toBe(0);
    server = await startInProcess({ data });
    const fresh = server;
    for (const device of devices) device.baseUrl = fresh.url;
    for (const device of devices) {
      const pulled = await device.pullAll();
      expect(pulled.epochReset).toBe(true);
      await device.pushAll();
    }
    // A second round sees nothing new to send and no further epoch change.
    for (const device of devices) expect((await device.pullAll()).epochReset).toBe(false);
    const outcome = await verifyAgainst(data.file, devices);
    reportFigures('backup-restore', {
      seed,
      recordsTotal: total,
      recordsInBackup: inBackup,
      pushesDuringBackup: backup.pushesDuring,
      status410: devices.reduce((n, dv) => n + (dv.stats.statuses['410'] ?? 0), 0),
      gaps409: devices.reduce((n, dv) => n + dv.stats.gaps, 0),
      lost: outcome.lost.length,
      duplicates: outcome.duplicated.length,
      serverErrors: fresh.serverErrors.length,
    });
    expect(faultsOf(outcome), `seed ${seed}`).toEqual(clean);
    expect(outcome.stored).toBe(total);
    expect(devices.every((dv) => dv.stats.statuses['410'] === 1)).toBe(true);
    expect(devices.flatMap((dv) => dv.stats.rejected)).toEqual([]);
    expect(fresh.serverErrors).toEqual([]);
  });
});
