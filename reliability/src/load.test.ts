import { createPrng, generateHouseholds } from '@jigi/testkit';
import type { JsonObject } from '@jigi/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { isLong, reportFigures, runSeed } from './support/figures';
import { provisionDataDir, type DataDir } from './support/provision';
import { ServerProcess, sleep } from './support/server-process';
import { SimDevice } from './support/sim-device';
import { clean, faultsOf, verifyAgainst } from './support/verify';

const devicesCount = Number(process.env['RELIABILITY_LOAD_DEVICES'] ?? 200);
const seconds = Number(process.env['RELIABILITY_LOAD_SECONDS'] ?? 60);

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(
    sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0,
  );
}

// Issue 9, « load » (longer run, `pnpm long`): 200 tablets push for a minute against the deployed
// server in its own process; no errors, nothing lost or doubled.
describe.skipIf(!isLong)('load', () => {
  let server: ServerProcess | undefined;
  let data: DataDir | undefined;
  afterEach(async () => {
    await server?.stop();
    data?.remove();
  });

  it(`${devicesCount} tablets pushing for ${seconds} s: no errors, no lost or duplicated records`, async () => {
    const seed = runSeed();
    data = await provisionDataDir(devicesCount, 'load');
    const srv = (server = await ServerProcess.start(data.dir));
    const households = generateHouseholds({
      seed,
      count: devicesCount * seconds * 2,
    }) as unknown as (JsonObject & { id: string; type: string })[];
    let next = 0;
    const devices = data.devices.map(
      (d) => new SimDevice({ ...d, baseUrl: srv.url, maxPerBatch: 10 }),
    );
    const end = Date.now() + seconds * 1000;
    let pushes = 0;
    await Promise.all(
      devices.map(async (device, i) => {
        const r = createPrng(seed + i);
        await sleep(r.int(0, 3000)); // tablets do not all start on the same second
        while (Date.now() < end) {
          for (let k = r.int(1, 3); k > 0; k--) {
            const settled = [...device.records.keys()].filter(
              (id) =>
                device.isSettled(id) && device.records.get(id)?.record['result'] === 'complete',
            );
            if (settled.length > 0 && r.chance(0.25))
              device.patch(r.pick(settled), { 'dwelling.roomsCount': r.int(1, 6) });
            else device.create(households[next++]!);
          }
          await device.pushAll({ deadline: end + 120_000 });
          pushes++;
          await sleep(r.int(500, 3500));
        }
      }),
    );
    await srv.stop();
    const outcome = await verifyAgainst(data.file, devices);
    const latencies = devices.flatMap((d) => d.stats.pushLatencyMs);
    const totals = {
      requests: devices.reduce((n, d) => n + d.stats.requests, 0),
      networkErrors: devices.reduce((n, d) => n + d.stats.networkErrors, 0),
      timeouts: devices.reduce((n, d) => n + d.stats.timeouts, 0),
      serverErrors: devices.reduce((n, d) => n + d.stats.serverErrors, 0),
      rejected: devices.reduce((n, d) => n + d.stats.rejected.length, 0),
      mutations: devices.reduce((n, d) => n + d.stats.acknowledged, 0),
    };
    reportFigures('load', {
      seed,
      devices: devicesCount,
      seconds,
      pushes,
      ...totals,
      pushesPerSecond: Math.round(pushes / seconds),
      records: outcome.expected,
      latencyMs: {
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        max: percentile(latencies, 100),
      },
      lost: outcome.lost.length,
      duplicates: outcome.duplicated.length,
      integrity: outcome.integrity,
      serverErrorLogLines: srv.errorLines.length,
    });
    expect(faultsOf(outcome), `seed ${seed}`).toEqual(clean);
    expect(outcome.stored).toBe(outcome.expected);
    expect(totals).toMatchObject({ networkErrors: 0, timeouts: 0, serverErrors: 0, rejected: 0 });
    expect(srv.errorLines).toEqual([]);
  });
});
