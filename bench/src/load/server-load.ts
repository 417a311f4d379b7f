import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import {
  contentHash,
  generateHouseholds,
  generatedRecordType,
  startPostgresCluster,
  type PostgresCluster,
} from '@jigi/testkit';
import { allRecords } from '../../../apps/server/src/services/record-pages';
import { openStore } from '../../../apps/server/src/storage/open-store';
import type { SectionReport } from '../section-report';
import type { BenchRecord } from '../sync-peer';
import { cpuBetween, cpuSnapshot } from './cpu-usage';
import type { LoadConfiguration } from './load-configurations';
import { householdsOf, pushBodies } from './load-bodies';
import { loadDevices, provisionLoadStore, type LoadDevice } from './load-provision';
import {
  answerKey,
  latencySummary,
  loadComparison,
  type LoadCpu,
  type LoadFigures,
  type LoadVerification,
} from './load-report';
import { LoadServer } from './load-server';

export interface LoadConfig {
  devices: number;
  pushesPerDevice: number;
  batch: number;
  seed: number;
  /** Run one after the other, in this order, on the same devices and bodies. */
  configurations: readonly LoadConfiguration[];
}

const SERVER_SETUP =
  'The server is `src/server.ts` as deployed (bundled, `NODE_ENV=production`, log level warn) in a child process configured by its environment only: ' +
  'SQLite is its default file in a fresh `DATA_DIR` (WAL, `synchronous = NORMAL`); PostgreSQL is `DATABASE_URL` to a fresh database of a throwaway cluster the bench starts and removes ' +
  "(Debian's PostgreSQL, `initdb` in a temp folder, 127.0.0.1, testkit's `startPostgresCluster`: `fsync = off`, `full_page_writes = off` — neither backend waits for the disk at each commit), " +
  'a pool of 10 connections per process (the default), and `WORKERS=N` for N processes on the one port. Each store is provisioned through the store API with the same services ' +
  '(demo seed, villages, then the devices with their enumerators and villages) and checked through it after the server stopped. ' +
  'autocannon and the body preparation run in the bench process, outside the event loops being measured.';

/**
 * Issue 8 §4 and issue 14 §8: `devices` tablets push `pushesPerDevice` batches of `batch` new
 * households at once, one keep-alive connection each, against the real server in its own processes
 * — once per configuration (SQLite, PostgreSQL with 1 and with N processes), the same devices and
 * bodies each time; after each, the store is read to check it holds exactly what was sent.
 */
export async function runServerLoad(
  config: LoadConfig,
  log: (line: string) => void,
): Promise<SectionReport> {
  const started = new Date().toISOString();
  const devices = loadDevices(config.devices);
  const perDevice = config.pushesPerDevice * config.batch;
  const all = generateHouseholds({
    seed: config.seed,
    count: config.devices * perDevice,
  }) as unknown as BenchRecord[];
  const clientTime = new Date().toISOString();
  const sent: BenchRecord[][] = [];
  const bodies: Buffer[][] = [];
  for (const [d, device] of devices.entries()) {
    const mine = householdsOf(device, all.slice(d * perDevice, (d + 1) * perDevice));
    sent.push(mine);
    bodies.push(await pushBodies(device, mine, config.batch, clientTime));
  }
  const bodyBytes = bodies.flat().reduce((sum, b) => sum + b.length, 0);
  log(
    `  load: ${devices.length} devices, ${bodies.flat().length} pushes ready (${(bodyBytes / 1e6).toFixed(1)} MB gzip); ` +
      `configurations: ${config.configurations.map((c) => c.label).join('; ')}`,
  );
  let cluster: PostgresCluster | undefined;
  const runs: LoadFigures[] = [];
  try {
    for (const [i, configuration] of config.configurations.entries()) {
      if (configuration.backend === 'postgres' && cluster === undefined) {
        log('  load: starting a throwaway PostgreSQL cluster');
        cluster = await startPostgresCluster();
      }
      const databaseUrl =
        configuration.backend === 'postgres'
          ? await cluster?.createDatabase(
              `jigi_load_${i + 1}_${configuration.id.replace('-', '_')}`,
            )
          : undefined;
      runs.push(
        await runConfiguration(
          configuration,
          { databaseUrl, cluster, devices, bodies, sent, config, bodyBytes },
          log,
        ),
      );
    }
  } finally {
    await cluster?.remove();
  }
  return loadComparison(runs, {
    date: started,
    cores: os.cpus().length,
    serverSetup: SERVER_SETUP,
  });
}

interface Prepared {
  databaseUrl: string | undefined;
  cluster: PostgresCluster | undefined;
  devices: readonly LoadDevice[];
  bodies: readonly Buffer[][];
  /** Per device, its households in the order of its pushes. */
  sent: readonly BenchRecord[][];
  config: LoadConfig;
  bodyBytes: number;
}

async function runConfiguration(
  configuration: LoadConfiguration,
  p: Prepared,
  log: (line: string) => void,
): Promise<LoadFigures> {
  const { devices, bodies, config } = p;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigi-bench-load-'));
  const storeConfig = { dataDir, databaseUrl: p.databaseUrl, poolSize: 2 };
  try {
    const store = await openStore(storeConfig);
    try {
      await provisionLoadStore(store, devices);
    } finally {
      await store.close();
    }
    log(`  load: ${configuration.label}: provisioned; starting the server`);
    const server = await LoadServer.start({
      dataDir,
      databaseUrl: p.databaseUrl,
      workers: configuration.workers,
    });
    try {
      const postmaster = p.databaseUrl === undefined ? undefined : postmasterPid(p.cluster);
      const roots = [server.pid ?? -1, postmaster ?? -1];
      const loadAverage = os.loadavg()[0];
      const before = cpuSnapshot(roots);
      // Taken at the last answer when every push is answered (autocannon returns up to 1 s later).
      let atLast: ReturnType<typeof cpuSnapshot>;
      const pgCluster = p.databaseUrl === undefined ? undefined : p.cluster;
      const logBefore = postgresLogErrors(pgCluster);
      const { result, latencies, answers, acknowledged, wallSec } = await cannon(
        server.url,
        devices,
        bodies,
        config.pushesPerDevice,
        () => {
          atLast = cpuSnapshot(roots);
        },
      );
      const after = atLast ?? cpuSnapshot(roots);
      const logAfter = postgresLogErrors(pgCluster);
      await server.stop();
      if (server.errorLines.length > 0)
        log(
          `  load: ${configuration.label}: the server logged ${server.errorLines.length} error lines, first: ${server.errorLines[0] ?? ''}`,
        );
      const usage = before && after ? cpuBetween(before, after) : undefined;
      const cpu: LoadCpu | undefined = usage && {
        cores: os.cpus().length,
        machineBusy: usage.machineBusy,
        serverSec: usage.treesSec[0] ?? 0,
        ...(postmaster === undefined ? {} : { postgresSec: usage.treesSec[1] ?? 0 }),
        loadGeneratorSec: usage.loadGeneratorSec,
      };
      const statusCodes = Object.fromEntries(
        Object.entries(result.statusCodeStats ?? {}).map(([code, s]) => [code, s.count ?? 0]),
      );
      const figures: LoadFigures = {
        configuration,
        devices: devices.length,
        pushesPerDevice: config.pushesPerDevice,
        batch: config.batch,
        serverProcesses: server.pids.size,
        durationSec: wallSec,
        answered2xx: result['2xx'],
        non2xx: result.non2xx,
        errors: result.errors,
        timeouts: result.timeouts,
        statusCodes,
        answers,
        ...(logBefore !== undefined && logAfter !== undefined
          ? { postgresLogErrors: logAfter - logBefore }
          : {}),
        latencyMs: latencySummary(latencies),
        meanBodyBytes: p.bodyBytes / bodies.flat().length,
        verification: await verify(storeConfig, devices, p.sent, acknowledged, config),
        ...(cpu ? { cpu } : {}),
        ...(loadAverage === undefined ? {} : { loadAverage }),
      };
      log(
        `  load: ${configuration.label}: ${figures.durationSec.toFixed(1)} s, ${(figures.answered2xx / figures.durationSec).toFixed(1)} pushes/s, ` +
          `p50 ${figures.latencyMs.p50.toFixed(0)} ms, p99 ${figures.latencyMs.p99.toFixed(0)} ms, ${figures.non2xx + figures.errors} failures, ` +
          `${figures.verification.stored}/${figures.verification.sent} stored`,
      );
      return figures;
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** ERROR, FATAL and PANIC lines in the cluster's log so far (the log is the cluster's, for every database). */
function postgresLogErrors(cluster: PostgresCluster | undefined): number | undefined {
  if (cluster === undefined) return undefined;
  try {
    const log = fs.readFileSync(path.join(cluster.dataDir, 'server.log'), 'utf8');
    return log.split('\n').filter((l) => /\b(ERROR|FATAL|PANIC):/.test(l)).length;
  } catch {
    return undefined;
  }
}

/** The cluster's postmaster (its first line of postmaster.pid), whose tree is PostgreSQL's CPU. */
function postmasterPid(cluster: PostgresCluster | undefined): number | undefined {
  if (cluster === undefined) return undefined;
  try {
    const pid = Number(
      fs.readFileSync(path.join(cluster.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0],
    );
    return Number.isSafeInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One connection per device, each sending its own pushes in order (so its mutation ids ascend). The
 * requests are set per connection in `setupClient`: autocannon shares the objects of its `requests`
 * option between connections (a request built for one connection can be sent by another), which
 * would mix devices. Each response's time is kept, for exact percentiles (autocannon's histogram
 * has no p95), and the wall time runs from the start to the last answer.
 */
async function cannon(
  url: string,
  devices: readonly LoadDevice[],
  bodies: readonly Buffer[][],
  pushesPerDevice: number,
  onLastAnswer: () => void,
): Promise<{
  result: autocannon.Result;
  latencies: number[];
  answers: Record<string, number>;
  /** Per device, per push: answered 2xx, answered otherwise, or not at all (undefined: a timeout). */
  acknowledged: PushOutcome[][];
  wallSec: number;
}> {
  let next = 0;
  const latencies: number[] = [];
  const answers: Record<string, number> = {};
  const acknowledged: PushOutcome[][] = devices.map(() => []);
  let lastAnswer = 0;
  const start = performance.now();
  const result = await autocannon({
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
      client.on('response', (_status: number, _bytes: number, ms: number) => {
        latencies.push(ms);
        lastAnswer = performance.now();
        if (latencies.length === devices.length * pushesPerDevice) onLastAnswer();
      });
      client.setRequests(
        (bodies[d] ?? []).map((body, j) => ({
          method: 'POST',
          path: '/api/sync/push',
          headers,
          body,
          onResponse(status: number, text: string) {
            const key = answerKey(status, text);
            answers[key] = (answers[key] ?? 0) + 1;
            (acknowledged[d] ?? [])[j] = status >= 200 && status < 300 ? 'acknowledged' : 'refused';
          },
        })),
      );
    },
  });
  // autocannon's own `duration` ends at its next 1-second sampling tick after the last answer.
  return {
    result,
    latencies,
    answers,
    acknowledged,
    wallSec: lastAnswer > 0 ? (lastAnswer - start) / 1000 : result.duration,
  };
}

type PushOutcome = 'acknowledged' | 'refused' | undefined;

/**
 * Reads the stopped server's store: the households of every push answered 2xx stored once, as
 * sent, nothing of a refused push, every device at the mutation id of its last push stored — and
 * whether that was everything sent. A push left unanswered (a timeout) may have been committed or
 * not, but whole: its tablet would send it again and have it acknowledged once.
 */
async function verify(
  storeConfig: Parameters<typeof openStore>[0],
  devices: readonly LoadDevice[],
  sent: readonly BenchRecord[][],
  outcomes: readonly PushOutcome[][],
  config: LoadConfig,
): Promise<LoadVerification> {
  const perDevice = config.pushesPerDevice * config.batch;
  const pushesOf = (mine: readonly BenchRecord[]) =>
    Array.from({ length: Math.ceil(mine.length / config.batch) }, (_, j) =>
      mine.slice(j * config.batch, (j + 1) * config.batch),
    );
  const store = await openStore(storeConfig);
  try {
    const villageIds = devices.map((d) => d.villageId);
    return await store.read(async (tx) => {
      const stored = await allRecords(tx, { type: generatedRecordType, villageIds });
      const storedIds = new Set(stored.map((r) => r.id));
      const expected: BenchRecord[] = [];
      let acknowledged = 0;
      let unanswered = 0;
      let unansweredStored = 0;
      let halfStoredPushes = 0;
      let devicesComplete = 0;
      let devicesAtAcknowledged = 0;
      for (const [i, d] of devices.entries()) {
        // Mutation ids run from 1 over a device's pushes: push j ends at (j + 1) × batch.
        let lastStored = 0;
        for (const [j, push] of pushesOf(sent[i] ?? []).entries()) {
          const outcome = outcomes[i]?.[j];
          const inStore = push.filter((r) => storedIds.has(r.id)).length;
          if (outcome === 'acknowledged') acknowledged += push.length;
          if (outcome === undefined) {
            unanswered += push.length;
            if (inStore > 0 && inStore < push.length) halfStoredPushes++;
            if (inStore === push.length) unansweredStored += push.length;
          }
          if (outcome === 'acknowledged' || (outcome === undefined && inStore === push.length)) {
            expected.push(...push);
            lastStored = (j + 1) * config.batch;
          }
        }
        const last = (await tx.accounts.deviceById(d.deviceId))?.lastMutationId;
        if (last === perDevice) devicesComplete++;
        if (last === lastStored) devicesAtAcknowledged++;
      }
      return {
        sent: sent.reduce((n, mine) => n + mine.length, 0),
        acknowledged,
        ...(unanswered > 0 ? { unanswered, unansweredStored, halfStoredPushes } : {}),
        stored: stored.length,
        appliedTwice: stored.filter((r) => r.version > 1).length,
        sameContent: contentHash(stored.map((r) => r.data)) === contentHash(expected),
        devicesAtAcknowledged,
        devicesComplete,
      };
    });
  } finally {
    await store.close();
  }
}
