import autocannon from 'autocannon';
import { contentHash, generateHouseholds } from '@jigi/testkit';
import { allRecords } from '../../../apps/server/src/services/record-pages';
import { openSqliteStore } from '../../../apps/server/src/storage/sqlite/sqlite-store';
import { ServerProcess } from '../../../reliability/src/support/server-process';
import type { SectionReport } from '../section-report';
import type { BenchRecord } from '../sync-peer';
import { householdsOf, pushBodies } from './load-bodies';
import { provisionLoad, type LoadDevice } from './load-provision';
import { loadReport, type LoadVerification } from './load-report';

export interface LoadConfig {
  devices: number;
  pushesPerDevice: number;
  batch: number;
  seed: number;
}

const SERVER_SETUP =
  'The server is `src/server.ts` as deployed (bundled, `NODE_ENV=production`, log level warn) in a child process over a SQLite file in a fresh temp folder: ' +
  'autocannon and the body preparation then spend their CPU outside the event loop being measured (on 2 cores they still share the machine).';

/**
 * Issue 8 §4: `devices` tablets push `pushesPerDevice` batches of `batch` new households at once,
 * one keep-alive connection each, against the real server in its own process; then the server's
 * file is read to check it holds exactly what was sent.
 */
export async function runServerLoad(
  config: LoadConfig,
  log: (line: string) => void,
): Promise<SectionReport> {
  const { data, devices } = await provisionLoad(config.devices);
  const perDevice = config.pushesPerDevice * config.batch;
  const all = generateHouseholds({
    seed: config.seed,
    count: config.devices * perDevice,
  }) as unknown as BenchRecord[];
  const clientTime = new Date().toISOString();
  const sent: BenchRecord[] = [];
  const bodies: Buffer[][] = [];
  for (const [d, device] of devices.entries()) {
    const mine = householdsOf(device, all.slice(d * perDevice, (d + 1) * perDevice));
    sent.push(...mine);
    bodies.push(await pushBodies(device, mine, config.batch, clientTime));
  }
  const bodyBytes = bodies.flat().reduce((sum, b) => sum + b.length, 0);
  log(
    `  load: ${devices.length} devices, ${bodies.flat().length} pushes ready (${(bodyBytes / 1e6).toFixed(1)} MB gzip); starting the server`,
  );
  const server = await ServerProcess.start(data.dir);
  try {
    const result = await cannon(server.url, devices, bodies, config.pushesPerDevice);
    await server.stop();
    if (server.errorLines.length > 0)
      log(
        `  load: the server logged ${server.errorLines.length} error lines, first: ${server.errorLines[0] ?? ''}`,
      );
    const statusCodes = Object.fromEntries(
      Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]),
    );
    return loadReport({
      devices: devices.length,
      pushesPerDevice: config.pushesPerDevice,
      batch: config.batch,
      serverSetup: SERVER_SETUP,
      durationSec: result.duration,
      answered2xx: result['2xx'],
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
      statusCodes,
      latencyMs: {
        p50: result.latency.p50,
        p90: result.latency.p90,
        p99: result.latency.p99,
        max: result.latency.max,
      },
      meanBodyBytes: bodyBytes / bodies.flat().length,
      verification: await verify(data.file, devices, sent, perDevice),
    });
  } finally {
    await server.stop();
    data.remove();
  }
}

/**
 * One connection per device, each sending its own pushes in order (so its mutation ids ascend). The
 * requests are set per connection in `setupClient`: autocannon shares the objects of its `requests`
 * option between connections (a request built for one connection can be sent by another), which
 * would mix devices.
 */
function cannon(
  url: string,
  devices: readonly LoadDevice[],
  bodies: readonly Buffer[][],
  pushesPerDevice: number,
): Promise<autocannon.Result> {
  let next = 0;
  return autocannon({
    url: `${url}/api/sync/push`,
    connections: devices.length,
    pipelining: 1,
    // `amount` (not only a per-connection cap) also lifts autocannon's default 10 s duration; it is
    // shared evenly, so each connection sends exactly its device's pushes.
    amount: devices.length * pushesPerDevice,
    maxConnectionRequests: pushesPerDevice,
    timeout: 30,
    method: 'POST',
    setupClient(client) {
      const d = next++;
      const device = devices[d];
      if (!device) throw new Error(`no device for connection ${d}`);
      const headers = {
        authorization: `Bearer ${device.token}`,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
        accept: 'application/json',
      };
      client.setRequests(
        (bodies[d] ?? []).map((body) => ({
          method: 'POST',
          path: '/api/sync/push',
          headers,
          body,
        })),
      );
    },
  });
}

/** Reads the stopped server's file: every household sent stored once, as sent, every device at its last id. */
async function verify(
  file: string,
  devices: readonly LoadDevice[],
  sent: readonly BenchRecord[],
  perDevice: number,
): Promise<LoadVerification> {
  const store = openSqliteStore(file);
  try {
    const villageIds = devices.map((d) => d.villageId);
    return await store.read(async (tx) => {
      const stored = await allRecords(tx, { type: 'ciblage_household', villageIds });
      let devicesComplete = 0;
      for (const d of devices)
        if ((await tx.accounts.deviceById(d.deviceId))?.lastMutationId === perDevice)
          devicesComplete++;
      return {
        sent: sent.length,
        stored: stored.length,
        appliedTwice: stored.filter((r) => r.version > 1).length,
        sameContent: contentHash(stored.map((r) => r.data)) === contentHash(sent),
        devicesComplete,
      };
    });
  } finally {
    await store.close();
  }
}
