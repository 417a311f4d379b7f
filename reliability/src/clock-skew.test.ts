import { generateHouseholds } from '@jigi/testkit';
import type { JsonObject } from '@jigi/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { reportFigures } from './support/figures';
import { startInProcess, type InProcessServer } from './support/in-process';
import { SimDevice } from './support/sim-device';
import { storedRecords, withDatabase } from './support/sqlite-inspect';

const YEAR_MS = 365 * 86_400_000;
const skews = {
  truth: 0,
  y2001: Date.parse('2001-01-01T08:00:00.000Z') - Date.now(),
  yearAhead: YEAR_MS,
};

/**
 * One scripted morning of three tablets: `truth` creates households, the two others create some
 * and then edit the same field of the same household, once in each order. Returns what the server
 * answered and stored, and the order in which a fresh tablet pulls the records.
 */
async function morning(server: InProcessServer, clocks: { a: number; b: number }) {
  const start = Date.now();
  const tablet = (i: number, skew: number) => {
    const d = server.data.devices[i]!;
    return new SimDevice({ ...d, baseUrl: server.url, clock: () => new Date(Date.now() + skew) });
  };
  const [c, a, b, fresh] = [tablet(0, 0), tablet(1, clocks.a), tablet(2, clocks.b), tablet(3, 0)];
  const h = generateHouseholds({ seed: 2001, count: 11 }).filter(
    (x) => x.result === 'complete',
  ) as unknown as (JsonObject & { id: string; type: string })[];
  const [r1, r2] = [h[0]!, h[1]!];
  for (const x of h.slice(0, 4)) c.create(x);
  await c.pushAll();
  for (const x of h.slice(4, 6)) a.create(x);
  await a.pushAll();
  for (const x of h.slice(6, 8)) b.create(x);
  await b.pushAll();
  for (const t of [a, b]) {
    t.adopt(r1, 1);
    t.adopt(r2, 1);
  }
  // R1: the tablet in 2001 edits first, the one a year ahead second; R2 the other way round.
  a.patch(r1.id, { 'dwelling.roomsCount': 2 });
  await a.pushAll();
  b.patch(r1.id, { 'dwelling.roomsCount': 5 });
  await b.pushAll();
  b.patch(r2.id, { 'dwelling.roomsCount': 5 });
  await b.pushAll();
  a.patch(r2.id, { 'dwelling.roomsCount': 2 });
  await a.pushAll();
  // A fresh tablet pulls: the order it receives is the server's sequence, whatever the clocks.
  const pulled = (await fresh.pullAll()).recordIds;
  const batches = withDatabase(server.data.file, (db) =>
    db
      .prepare<[], { device_id: string; clock_offset_ms: number }>(
        'SELECT device_id, clock_offset_ms FROM batches ORDER BY number',
      )
      .all(),
  );
  return {
    answers: [c, a, b].map((t) =>
      t.answers.map((batch) =>
        batch.map((r) => ({
          outcome: r.outcome,
          recordId: r.recordId,
          version: r.outcome === 'rejected' ? 0 : r.version,
        })),
      ),
    ),
    stored: storedRecords(server.data.file).map((r) => ({
      id: r.id,
      version: r.version,
      data: r.data,
    })),
    pulled,
    batches,
    r1: r1.id,
    r2: r2.id,
    seconds: (Date.now() - start) / 1000,
  };
}

// Issue 9, « clock skew »: tablets at 2001-01-01 and a year ahead. Server order decides; results are
// those of the same morning with true clocks; the offset is on each batch, where review flags it.
describe('tablets with skewed clocks', () => {
  const servers: InProcessServer[] = [];
  afterEach(async () => {
    for (const s of servers.splice(0)) await s.close();
  });

  it('order and results equal those of true clocks; the offset is stored on the batch and shown to review', async () => {
    const control = await startInProcess({ devices: 4, label: 'clock-true' });
    servers.push(control);
    const skewed = await startInProcess({ devices: 4, label: 'clock-skew' });
    servers.push(skewed);
    const truth = await morning(control, { a: 0, b: 0 });
    const run = await morning(skewed, { a: skews.y2001, b: skews.yearAhead });

    expect(run.answers).toEqual(truth.answers);
    expect(run.stored).toEqual(truth.stored);
    expect(run.pulled).toEqual(truth.pulled);
    const roomsOf = (id: string) =>
      (run.stored.find((r) => r.id === id)?.data as { dwelling: { roomsCount: number } }).dwelling
        .roomsCount;
    expect(roomsOf(run.r1)).toBe(5); // the later push wins although its tablet's clock is a year ahead…
    expect(roomsOf(run.r2)).toBe(2); // …and although this one's says 2001

    // Offsets: server time − tablet time at the batch, within a minute of the true skew.
    const offsets = new Map<string, number[]>();
    for (const b of run.batches)
      offsets.set(b.device_id, [...(offsets.get(b.device_id) ?? []), b.clock_offset_ms]);
    const [dc, da, db] = skewed.data.devices.map((d) => d.deviceId);
    for (const o of offsets.get(dc!) ?? []) expect(Math.abs(o)).toBeLessThan(60_000);
    for (const o of offsets.get(da!) ?? []) expect(Math.abs(o + skews.y2001)).toBeLessThan(60_000);
    for (const o of offsets.get(db!) ?? [])
      expect(Math.abs(o + skews.yearAhead)).toBeLessThan(60_000);
    expect([...offsets.values()].flat()).toHaveLength(run.batches.length);

    // Review: the batch list carries the offset; the console flags |offset| ≥ 1 min.
    const login = await fetch(`${skewed.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'admin', password: 'demo1234' }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const list = (await (
      await fetch(`${skewed.url}/api/review/batches?limit=100`, { headers: { cookie } })
    ).json()) as { rows: { deviceId: string; clockOffsetMs: number }[] };
    const flagged = new Set(
      list.rows.filter((r) => Math.abs(r.clockOffsetMs) >= 60_000).map((r) => r.deviceId),
    );
    expect(flagged).toEqual(new Set([da, db]));
    expect(list.rows).toHaveLength(run.batches.length);
    expect(skewed.serverErrors).toEqual([]);
    reportFigures('clock-skew', {
      batches: run.batches.length,
      records: run.stored.length,
      skewsMs: skews,
      sameAsTrueClocks: true,
    });
  });
});
