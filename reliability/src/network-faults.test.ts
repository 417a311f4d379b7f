import { gzipSync } from 'node:zlib';
import { PROTOCOL_VERSION, pushResponseSchema, type PushResponse } from '@jigi/sync';
import {
  generateHouseholds,
  startFaultyLink,
  type FaultyLink,
  type PostgresCluster,
} from '@jigi/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { isLong, reportFigures, runSeed } from './support/figures';
import { startInProcess, type InProcessServer } from './support/in-process';
import { usePostgresCluster } from './support/postgres';
import type { Deployment } from './support/provision';
import { rawPush, SimDevice } from './support/sim-device';
import { storedRecords, tableCounts, tableHashes, touchColumns } from './support/sqlite-inspect';
import { readStoredState, storeDigest } from './support/stored-state';
import { clean, faultsOf, verifyAgainst } from './support/verify';
import { fieldDay } from './support/workload';

// Issue 9, « network faults », through testkit's faulty link in front of the real server:
// answers dropped after commit, bodies cut mid-way, one batch sent several times at once, batches
// overtaking each other. Every case must end exactly-once. Issue 14: the same cases on PostgreSQL,
// where the six copies of one batch really run in parallel transactions (the device row lock).
type Servers = {
  server?: InProcessServer<Deployment>;
  link?: FaultyLink;
  /** Undefined: SQLite. */
  cluster: () => PostgresCluster | undefined;
};

async function start(s: Servers, devices: number, label: string) {
  const cluster = s.cluster();
  return (s.server = await startInProcess({
    devices,
    label: cluster === undefined ? label : label.replace(/-/g, '_'),
    cluster,
  }));
}

async function dropsAndCuts(s: Servers, name: string): Promise<void> {
  const seed = runSeed();
  const pushes = isLong ? 300 : 40;
  const srv = await start(s, 4, 'net');
  const lnk = (s.link = await startFaultyLink({
    upstream: srv.url,
    seed,
    dropResponseAfterCommit: 0.25,
    cutRequestMidBody: 0.25,
  }));
  const devices = srv.data.devices.map(
    (d) => new SimDevice({ ...d, baseUrl: lnk.url, maxPerBatch: 10 }),
  );
  const day = fieldDay(seed, devices, pushes, () => undefined, { retryDelayMs: 5 });
  await Promise.all(day.runners.map((run) => run()));
  const outcome = await verifyAgainst(srv.data, devices);
  const replayed = devices.reduce((n, d) => n + d.stats.replayed, 0);
  reportFigures(name, {
    seed,
    backend: srv.data.backend,
    pushes,
    mutations: day.plannedMutations,
    requests: lnk.stats.requests,
    dropResponse: lnk.stats.faults.drop_response,
    cutRequest: lnk.stats.faults.cut_request,
    replayedAfterCommit: replayed,
    records: outcome.expected,
    lost: outcome.lost.length,
    duplicates: outcome.duplicated.length,
    halfWritten: outcome.halfWritten.length,
    serverErrors: srv.serverErrors.length,
  });
  expect(faultsOf(outcome), `seed ${seed}`).toEqual(clean);
  expect(outcome.stored).toBe(outcome.expected);
  expect(lnk.stats.faults.drop_response, `seed ${seed}`).toBeGreaterThan(0);
  expect(lnk.stats.faults.cut_request, `seed ${seed}`).toBeGreaterThan(0);
  // A dropped answer of a committed push comes back from the stored results on the retry.
  expect(replayed, `seed ${seed}`).toBeGreaterThan(0);
  expect(replayed).toBeLessThanOrEqual(lnk.stats.faults.drop_response);
  expect(srv.serverErrors).toEqual([]);
  expect(devices.flatMap((d) => d.stats.rejected)).toEqual([]);
}

async function sixCopies(s: Servers): Promise<void> {
  const srv = await start(s, 1, 'net-same');
  const lnk = (s.link = await startFaultyLink({ upstream: srv.url, latencyMs: 50 }));
  const [d] = srv.data.devices;
  const device = new SimDevice({ ...d!, baseUrl: lnk.url, maxPerBatch: 20 });
  for (const h of generateHouseholds({ seed: 91, count: 12 })) device.create(h as never);
  const body = device.frozenBody()!;
  const answers = await Promise.all(
    Array.from({ length: 6 }, () => rawPush(lnk.url, d!.token, body)),
  );
  expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200, 200]);
  const parsed = answers.map((a) => pushResponseSchema.parse(a.body));
  expect(parsed.filter((p) => p.batchNumber !== null)).toHaveLength(1);
  const results = (p: PushResponse) => p.results.map((r) => ({ ...r, warnings: undefined }));
  for (const p of parsed) expect(results(p)).toEqual(results(parsed[0]!));
  // The tablet never saw an answer: its own retry is one more replay, then its outbox is empty.
  await device.pushAll();
  expect(device.stats.replayed).toBe(1);
  expect(faultsOf(await verifyAgainst(srv.data, [device]))).toEqual(clean);
  if (srv.data.backend === 'sqlite') expect(tableCounts(srv.data.file)['batches']).toBe(1);
  expect((await readStoredState(srv.data)).batches).toBe(1);
  expect(srv.serverErrors).toEqual([]);
}

async function overtaking(s: Servers): Promise<void> {
  const srv = await start(s, 1, 'net-order');
  // The requests whose index is here are held back 1.5 s, so the one sent 50 ms after each reaches
  // the server first. Request 0 first; the replay of batch A later.
  const heldBack = new Set([0]);
  const lnk = (s.link = await startFaultyLink({
    upstream: srv.url,
    hook: (index) => (heldBack.has(index) ? { delayMs: 1_500 } : undefined),
  }));
  const [d] = srv.data.devices;
  const records = generateHouseholds({ seed: 92, count: 6 });
  const body = (first: number, batch: typeof records) =>
    gzipSync(
      JSON.stringify({
        protocolVersion: PROTOCOL_VERSION,
        deviceId: d!.deviceId,
        batchId: crypto.randomUUID(),
        clientTime: new Date().toISOString(),
        mutations: batch.map((r, i) => ({
          mutationId: first + i,
          recordId: r.id,
          recordType: r.type,
          op: 'create',
          baseVersion: 0,
          record: r,
          clientTime: new Date().toISOString(),
        })),
      }),
    );
  const a = body(1, records.slice(0, 3));
  const b = body(4, records.slice(3));
  const sendA = rawPush(lnk.url, d!.token, a);
  await new Promise((r) => setTimeout(r, 50));
  const [answerA, answerB] = await Promise.all([sendA, rawPush(lnk.url, d!.token, b)]);
  expect(answerB.status).toBe(409);
  expect(answerB.body).toMatchObject({
    error: { code: 'mutation_gap', details: { expectedMutationId: 1 } },
  });
  expect(answerA.status).toBe(200);
  expect(pushResponseSchema.parse(answerA.body).lastMutationId).toBe(3);
  const again = await rawPush(lnk.url, d!.token, b);
  expect(again.status).toBe(200);
  expect(pushResponseSchema.parse(again.body).lastMutationId).toBe(6);
  const sqlite = srv.data.backend === 'sqlite' ? srv.data.file : undefined;
  const before = sqlite === undefined ? undefined : tableHashes(sqlite, touchColumns);
  const digest = await storeDigest(srv.app.deps.store);
  // Both batches again, the older one overtaken: answered from stored results, nothing written.
  heldBack.add(lnk.stats.requests);
  const answered: string[] = [];
  const replays = await Promise.all([
    rawPush(lnk.url, d!.token, a).finally(() => answered.push('A')),
    new Promise((r) => setTimeout(r, 50))
      .then(() => rawPush(lnk.url, d!.token, b))
      .finally(() => answered.push('B')),
  ]);
  // The replays really were reordered: B, sent second, reached the server and was answered first.
  expect(answered).toEqual(['B', 'A']);
  expect(replays.map((r) => r.status)).toEqual([200, 200]);
  expect(replays.map((r) => pushResponseSchema.parse(r.body).batchNumber)).toEqual([null, null]);
  if (sqlite !== undefined) expect(tableHashes(sqlite, touchColumns)).toEqual(before);
  expect(await storeDigest(srv.app.deps.store)).toEqual(digest);
  const state = await readStoredState(srv.data);
  const stored = sqlite === undefined ? state.records : storedRecords(sqlite);
  expect(stored.map((r) => r.id).sort()).toEqual(records.map((r) => r.id).sort());
  expect(stored.every((r) => r.version === 1)).toBe(true);
  if (sqlite !== undefined)
    expect(tableCounts(sqlite)).toMatchObject({
      records: 6,
      record_versions: 6,
      device_mutations: 6,
      batches: 2,
    });
  expect({
    records: state.records.length,
    record_versions: [...state.versions.values()].flat().length,
    device_mutations: state.devices.get(d!.deviceId)?.results.size,
    batches: state.batches,
  }).toEqual({ records: 6, record_versions: 6, device_mutations: 6, batches: 2 });
  expect(srv.serverErrors).toEqual([]);
}

function networkCases(cluster: () => PostgresCluster | undefined, name: string): void {
  const s: Servers = { cluster };
  afterEach(async () => {
    await s.link?.stop();
    await s.server?.close();
    delete s.link;
    delete s.server;
  });

  it('seeded drops after commit and cuts mid-body: every record once, outboxes empty', async () => {
    await dropsAndCuts(s, name);
  });

  it('the same batch sent six times at once is applied once; the other five get the stored results', async () => {
    await sixCopies(s);
  });

  it('a later batch that overtakes an earlier one gets 409 mutation_gap, then both apply once; reordered replays change nothing', async () => {
    await overtaking(s);
  });
}

describe('network faults between tablets and server', () => {
  networkCases(() => undefined, 'network-faults');

  describe('on PostgreSQL', () => {
    const cluster = usePostgresCluster();
    networkCases(cluster, 'network-faults.postgres');
  });
});
