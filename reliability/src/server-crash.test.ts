import { createPrng } from '@jigi/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { reportFigures, isLong, runSeed } from './support/figures';
import { provisionDataDir, type DataDir } from './support/provision';
import { ServerProcess, sleep } from './support/server-process';
import { SimDevice } from './support/sim-device';
import { clean, faultsOf, verifyAgainst } from './support/verify';
import { fieldDay } from './support/workload';

// Issue 9, « server crash »: the deployed server in a child process is SIGKILLed at seeded moments
// while tablets push, then restarted on the same folder; tablets resend until acknowledged.
const config = isLong
  ? { devices: 5, pushes: 200, kills: 200 }
  : { devices: 3, pushes: 30, kills: 3 };

describe('server killed with SIGKILL during pushes', () => {
  let server: ServerProcess | undefined;
  let data: DataDir | undefined;
  afterEach(async () => {
    await server?.stop();
    data?.remove();
  });

  it(`ends with every record exactly once, integrity ok, outboxes empty (${config.pushes} pushes, ${config.kills} kills)`, async () => {
    const seed = runSeed();
    const started = Date.now();
    // One more tablet than push: it only pulls at the end (a device is not sent back its own writes).
    data = await provisionDataDir(config.devices + 1, 'crash');
    const srv = (server = await ServerProcess.start(data.dir));
    const prng = createPrng(seed);
    // A kill is armed at a push count and fires a seeded 0–12 ms after the next push leaves:
    // before, during or after the server's transaction.
    let armed: (() => void) | undefined;
    const devices = data.devices.slice(0, config.devices).map(
      (d) =>
        new SimDevice({
          ...d,
          baseUrl: srv.url,
          maxPerBatch: 10,
          onRequest: () => {
            const fire = armed;
            armed = undefined;
            fire?.();
          },
        }),
    );
    // Kill points in acknowledged pushes, so kills fall during the run and not after it.
    const points = Array.from({ length: config.kills }, () => prng.int(1, config.pushes - 1)).sort(
      (a, b) => a - b,
    );
    let pushed = 0;
    const run = { working: true, killsLeft: config.kills };
    // At least `pushes` batches, and more until every planned kill has landed during traffic.
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
        more: () => run.killsLeft > 0,
      },
    );
    const killer = (async () => {
      for (const point of points) {
        while (pushed < point && run.working) await sleep(2);
        if (!run.working) return;
        const leaving = new Promise<void>((resolve) => {
          armed = resolve;
        });
        const stopped = (async () => {
          while (run.working) await sleep(5);
        })();
        const fired = await Promise.race([leaving.then(() => true), stopped.then(() => false)]);
        if (!fired) return;
        await sleep(prng.int(0, 12));
        await srv.kill();
        run.killsLeft--;
        await srv.start();
      }
    })();
    try {
      await Promise.all(day.runners.map((run) => run()));
    } finally {
      run.working = false;
      await killer;
    }
    // The API view too: a fresh tablet's pull returns each record once; then the file, server stopped.
    const pulled = await new SimDevice({
      ...data.devices[config.devices]!,
      baseUrl: srv.url,
    }).pullAll();
    await srv.stop();
    const outcome = verifyAgainst(data.file, devices);
    const totals = {
      requests: devices.reduce((n, d) => n + d.stats.requests, 0),
      networkErrors: devices.reduce((n, d) => n + d.stats.networkErrors, 0),
      timeouts: devices.reduce((n, d) => n + d.stats.timeouts, 0),
      serverErrors: devices.reduce((n, d) => n + d.stats.serverErrors, 0),
      rejected: devices.reduce((n, d) => n + d.stats.rejected.length, 0),
      replayedAfterCommit: devices.reduce((n, d) => n + d.stats.replayed, 0),
    };
    reportFigures('server-crash', {
      seed,
      devices: config.devices,
      pushes: pushed,
      mutations: devices.reduce((n, d) => n + d.stats.acknowledged, 0),
      kills: srv.kills,
      restarts: srv.starts - 1,
      records: outcome.expected,
      ...totals,
      lost: outcome.lost.length,
      duplicates: outcome.duplicated.length,
      wrongContent: outcome.wrongContent.length,
      integrity: outcome.integrity,
      seconds: (Date.now() - started) / 1000,
    });
    expect(faultsOf(outcome), `seed ${seed}`).toEqual(clean);
    expect(outcome.stored, `seed ${seed}`).toBe(outcome.expected);
    expect(pulled.changes, `seed ${seed}`).toBe(outcome.expected);
    expect(srv.kills, `seed ${seed}`).toBe(config.kills);
    expect(pushed).toBeGreaterThanOrEqual(config.pushes);
    expect(totals.serverErrors, `seed ${seed}`).toBe(0);
    expect(totals.rejected, `seed ${seed}`).toBe(0);
    expect(srv.errorLines, `seed ${seed}`).toEqual([]);
  });
});
