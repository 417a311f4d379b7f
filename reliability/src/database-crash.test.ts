import { createPrng, generateHouseholds } from '@jigi/testkit';
import type { JsonObject } from '@jigi/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { isLong, reportFigures, runSeed } from './support/figures';
import { usePostgresCluster } from './support/postgres';
import { provisionPostgres, type PostgresData } from './support/provision';
import { ServerProcess, sleep } from './support/server-process';
import { SimDevice } from './support/sim-device';
import { halfWrites, readStoredState } from './support/stored-state';
import { clean, faultsOf, verifyAgainst } from './support/verify';
import { fieldDay } from './support/workload';

// Issue 14, « database lost mid-request »: PostgreSQL itself is stopped as if the machine lost
// power (`pg_ctl stop -m immediate`: no checkpoint, crash recovery at the next start) while tablets
// push to the real server in its child process. While the database is away every answer must be a
// retryable 503 `database_unavailable` (never a 500, never a dropped connection); what is stored is
// never half a transaction; once the database is started again the same server processes — not
// restarted — serve again by themselves, and the tablets finish with every record exactly once.
const config = isLong
  ? { devices: 4, pushes: 120, outages: 12, bulk: 150 }
  : { devices: 3, pushes: 24, outages: 2, bulk: 150 };

/** The only 5xx a tablet may see: the documented retryable answer (docs/errors.md). */
const unavailable = '503 database_unavailable server retry-after=5';

type Outage = {
  stopMs: number;
  awayMs: number;
  recoveryMs: number;
  answers503: number;
  healthAway: string[];
  /** The long push in flight as the database went: its first answer, and what a snapshot holds of it. */
  bulkFirstStatus: number | undefined;
  bulkStored: { records: number; lastMutationId: number | undefined; before: number };
  halfWritten: string[];
};

async function databaseCrashRun(
  cluster: ReturnType<typeof usePostgresCluster>,
  run: { server?: ServerProcess; data?: PostgresData },
  workers: number,
): Promise<void> {
  const seed = runSeed();
  const started = Date.now();
  const prng = createPrng(seed);
  // Field tablets, one tablet that sends a long batch as the database goes, one that pulls.
  const data = (run.data = await provisionPostgres(
    cluster(),
    config.devices + 2,
    `dbcrash_w${workers}`,
  ));
  const srv = (run.server = await ServerProcess.on(data, { workers }));
  const processes = { primary: srv.pid, workers: srv.workerPids() };
  type Answer = { status: number | undefined; sentAt: number; endedAt: number };
  const answers: Answer[] = [];
  const bulkAnswers: Answer[] = [];
  const onAnswer = (a: { status: number | undefined; sentAt: number }) => {
    answers.push({ status: a.status, sentAt: a.sentAt, endedAt: Date.now() });
  };
  const devices = data.devices
    .slice(0, config.devices)
    .map((d) => new SimDevice({ ...d, baseUrl: srv.url, maxPerBatch: 10, onAnswer }));
  let bulkLeaving: (() => void) | undefined;
  const bulk = new SimDevice({
    ...data.devices[config.devices]!,
    baseUrl: srv.url,
    maxPerBatch: config.bulk,
    onAnswer: (a) => {
      onAnswer(a);
      bulkAnswers.push({ status: a.status, sentAt: a.sentAt, endedAt: Date.now() });
    },
    onRequest: () => {
      const fire = bulkLeaving;
      bulkLeaving = undefined;
      fire?.();
    },
  });
  const bulkHouseholds = generateHouseholds({
    seed: seed + 1,
    count: config.outages * config.bulk,
  }) as unknown as (JsonObject & { id: string; type: string })[];
  const points = Array.from({ length: config.outages }, () => prng.int(1, config.pushes - 1)).sort(
    (a, b) => a - b,
  );
  let pushed = 0;
  const state = { working: true, outagesLeft: config.outages };
  const day = fieldDay(
    seed,
    devices,
    config.pushes,
    () => {
      pushed++;
    },
    {
      deadline: Date.now() + (isLong ? 1_500_000 : 50_000),
      retryDelayMs: 30,
      thinkMs: [5, 60],
      more: () => state.outagesLeft > 0,
    },
  );
  const outages: Outage[] = [];
  const driver = (async () => {
    for (const [k, point] of points.entries()) {
      while (pushed < point && state.working) await sleep(2);
      if (!state.working) return;
      // A long push (config.bulk new households in one batch) in flight as the database goes.
      const batch = bulkHouseholds.slice(k * config.bulk, (k + 1) * config.bulk);
      for (const h of batch) bulk.create(h);
      const before = bulk.stats.acknowledged;
      const leaving = new Promise<void>((resolve) => {
        bulkLeaving = resolve;
      });
      const firstBulkAnswer = bulkAnswers.length;
      const bulkPush = bulk.pushAll({ retryDelayMs: 30 });
      bulkPush.catch(() => undefined); // awaited below; a failure must not go unhandled meanwhile
      await leaving;
      await sleep(prng.int(0, 15));
      const stopAt = Date.now();
      await cluster().stop('immediate');
      const stoppedAt = Date.now();
      // Away: health says so on every process, and tablets' requests meet 503s.
      const healthAway = new Set<string>();
      for (let i = 0; i < 4 * workers; i++) {
        const h = await srv.health();
        healthAway.add(h === undefined ? 'no answer' : `${h.httpStatus} ${h.status}`);
      }
      const away503 = () =>
        answers.filter((a) => a.status === 503 && a.endedAt >= stoppedAt).length;
      const awayUntil = Date.now() + 10_000;
      while (srv.alive && (Date.now() < stoppedAt + 500 || away503() < 2) && Date.now() < awayUntil)
        await sleep(20);
      const answers503 = away503();
      await cluster().start();
      const restartedAt = Date.now();
      // The same processes recover by themselves: every one answers health ok again.
      const recovered = await srv.everyProcessAnswers('ok', 20_000);
      const recoveryMs = Date.now() - restartedAt;
      // A committed snapshot, read through the store API while tablets push again.
      const snapshot = await readStoredState(data, { integrity: false });
      const ids = new Set(batch.map((h) => h.id));
      await bulkPush;
      outages.push({
        stopMs: stoppedAt - stopAt,
        awayMs: restartedAt - stoppedAt,
        recoveryMs: recovered ? recoveryMs : -1,
        answers503,
        healthAway: [...healthAway],
        bulkFirstStatus: bulkAnswers[firstBulkAnswer]?.status,
        bulkStored: {
          records: snapshot.records.filter((r) => ids.has(r.id)).length,
          lastMutationId: snapshot.devices.get(bulk.deviceId)?.last,
          before,
        },
        halfWritten: halfWrites(snapshot),
      });
      state.outagesLeft--;
    }
  })();
  const writers = [...devices, bulk];
  const runners = day.runners.map((r) => r());
  try {
    await Promise.all([...runners, driver]);
  } catch (e: unknown) {
    // A server that died (or a protocol violation): stop every tablet now, not at its deadline.
    state.working = false;
    for (const d of writers) d.abandon();
    await Promise.allSettled([...runners, driver]);
    throw e;
  }
  state.working = false;
  const pulled = await new SimDevice({
    ...data.devices[config.devices + 1]!,
    baseUrl: srv.url,
  }).pullAll();
  const after = { primary: srv.pid, workers: srv.workerPids() };
  await srv.stop();
  const outcome = await verifyAgainst(data, writers);
  const sum = (f: (d: SimDevice) => number) => writers.reduce((n, d) => n + f(d), 0);
  const errorAnswers: Record<string, number> = {};
  for (const d of writers)
    for (const [k, n] of Object.entries(d.stats.serverErrorAnswers))
      errorAnswers[k] = (errorAnswers[k] ?? 0) + n;
  const totals = {
    requests: sum((d) => d.stats.requests),
    networkErrors: sum((d) => d.stats.networkErrors),
    timeouts: sum((d) => d.stats.timeouts),
    rejected: sum((d) => d.stats.rejected.length),
    replayedAfterCommit: sum((d) => d.stats.replayed),
  };
  reportFigures(`database-crash.workers-${workers}`, {
    seed,
    workers,
    devices: config.devices + 1,
    pushes: pushed,
    mutations: sum((d) => d.stats.acknowledged),
    outages: outages.length,
    stopMs: outages.map((o) => o.stopMs),
    awayMs: outages.map((o) => o.awayMs),
    recoveryMs: outages.map((o) => o.recoveryMs),
    answers503: outages.map((o) => o.answers503),
    bulkFirstStatus: outages.map((o) => o.bulkFirstStatus ?? null),
    errorAnswers,
    records: outcome.expected,
    ...totals,
    lost: outcome.lost.length,
    duplicates: outcome.duplicated.length,
    wrongContent: outcome.wrongContent.length,
    halfWritten: outcome.halfWritten.length,
    integrity: outcome.integrity,
    seconds: (Date.now() - started) / 1000,
  });
  expect(outages).toHaveLength(config.outages);
  for (const o of outages) {
    // Away: the documented retryable answer, health included; never a 500.
    expect(o.answers503, `seed ${seed}`).toBeGreaterThan(0);
    expect(o.healthAway, `seed ${seed}`).toEqual(['503 database_unavailable']);
    expect(o.recoveryMs, `seed ${seed}`).toBeGreaterThanOrEqual(0);
    // Right after the restart: a consistent store, and the long push all there or not at all.
    expect(o.halfWritten, `seed ${seed}`).toEqual([]);
    expect(
      [
        { records: 0, lastMutationId: o.bulkStored.before, before: o.bulkStored.before },
        {
          records: config.bulk,
          lastMutationId: o.bulkStored.before + config.bulk,
          before: o.bulkStored.before,
        },
      ],
      `seed ${seed}`,
    ).toContainEqual(o.bulkStored);
  }
  // The long push was cut by the stop (answered 503) at least once, then applied once on its retry.
  expect(
    outages.some((o) => o.bulkFirstStatus === 503),
    `seed ${seed}`,
  ).toBe(true);
  expect(Object.keys(errorAnswers), `seed ${seed}`).toEqual([unavailable]);
  // The server processes stayed up: no connection dropped, none restarted or re-forked.
  expect(totals.networkErrors, `seed ${seed}`).toBe(0);
  expect(totals.timeouts, `seed ${seed}`).toBe(0);
  expect(srv.starts).toBe(1);
  expect(after).toEqual(processes);
  expect(processes.workers).toHaveLength(workers > 1 ? workers : 0);
  expect(faultsOf(outcome), `seed ${seed}`).toEqual(clean);
  expect(outcome.stored, `seed ${seed}`).toBe(outcome.expected);
  expect(pulled.changes, `seed ${seed}`).toBe(outcome.expected);
  expect(totals.rejected, `seed ${seed}`).toBe(0);
  expect(srv.errorLines, `seed ${seed}`).toEqual([]);
}

describe('PostgreSQL stopped with pg_ctl stop -m immediate during pushes', () => {
  const cluster = usePostgresCluster();
  const run: { server?: ServerProcess; data?: PostgresData } = {};
  afterEach(async () => {
    await cluster().start();
    await run.server?.stop();
    await run.data?.remove();
    delete run.server;
    delete run.data;
  });

  it.each([1, 2])(
    `WORKERS=%i: 503 database_unavailable while it is away, nothing half-written, the same processes recover, every record once (${config.outages} outages)`,
    async (workers) => {
      await databaseCrashRun(cluster, run, workers);
    },
  );
});
