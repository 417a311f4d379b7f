import { gzipSync } from 'node:zlib';
import { PROTOCOL_VERSION, pushResponseSchema, type PushResponse } from '@jigi/sync';
import { generateHouseholds, startFaultyLink, type FaultyLink } from '@jigi/testkit';
import { afterEach, describe, expect, it } from 'vitest';
import { isLong, reportFigures, runSeed } from './support/figures';
import { startInProcess, type InProcessServer } from './support/in-process';
import { rawPush, SimDevice } from './support/sim-device';
import { storedRecords, tableCounts, tableHashes, touchColumns } from './support/sqlite-inspect';
import { clean, faultsOf, verifyAgainst } from './support/verify';
import { fieldDay } from './support/workload';

// Issue 9, « network faults », through testkit's faulty link in front of the real server:
// answers dropped after commit, bodies cut mid-way, one batch sent several times at once, batches
// overtaking each other. Every case must end exactly-once.
describe('network faults between tablets and server', () => {
  let server: InProcessServer | undefined;
  let link: FaultyLink | undefined;
  afterEach(async () => {
    await link?.stop();
    await server?.close();
  });

  it('seeded drops after commit and cuts mid-body: every record once, outboxes empty', async () => {
    const seed = runSeed();
    const pushes = isLong ? 300 : 40;
    const srv = (server = await startInProcess({ devices: 4, label: 'net' }));
    const lnk = (link = await startFaultyLink({
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
    const outcome = verifyAgainst(srv.data.file, devices);
    const replayed = devices.reduce((n, d) => n + d.stats.replayed, 0);
    reportFigures('network-faults', {
      seed,
      pushes,
      mutations: day.plannedMutations,
      requests: lnk.stats.requests,
      dropResponse: lnk.stats.faults.drop_response,
      cutRequest: lnk.stats.faults.cut_request,
      replayedAfterCommit: replayed,
      records: outcome.expected,
      lost: outcome.lost.length,
      duplicates: outcome.duplicated.length,
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
  });

  it('the same batch sent six times at once is applied once; the other five get the stored results', async () => {
    const srv = (server = await startInProcess({ devices: 1, label: 'net-same' }));
    const lnk = (link = await startFaultyLink({ upstream: srv.url, latencyMs: 50 }));
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
    expect(faultsOf(verifyAgainst(srv.data.file, [device]))).toEqual(clean);
    expect(tableCounts(srv.data.file)['batches']).toBe(1);
    expect(srv.serverErrors).toEqual([]);
  });

  it('a later batch that overtakes an earlier one gets 409 mutation_gap, then both apply once; reordered replays change nothing', async () => {
    const srv = (server = await startInProcess({ devices: 1, label: 'net-order' }));
    // Request 0 is held back 400 ms, so request 1 reaches the server first.
    let hold = true;
    const lnk = (link = await startFaultyLink({
      upstream: srv.url,
      hook: (index) => (hold && index % 2 === 0 ? { delayMs: 400 } : undefined),
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
    hold = false;
    const again = await rawPush(lnk.url, d!.token, b);
    expect(again.status).toBe(200);
    expect(pushResponseSchema.parse(again.body).lastMutationId).toBe(6);
    const before = tableHashes(srv.data.file, touchColumns);
    // Both batches again, the older one overtaken: answered from stored results, nothing written.
    hold = true;
    const replays = await Promise.all([
      rawPush(lnk.url, d!.token, a),
      new Promise((r) => setTimeout(r, 50)).then(() => rawPush(lnk.url, d!.token, b)),
    ]);
    expect(replays.map((r) => r.status)).toEqual([200, 200]);
    expect(replays.map((r) => pushResponseSchema.parse(r.body).batchNumber)).toEqual([null, null]);
    expect(tableHashes(srv.data.file, touchColumns)).toEqual(before);
    const stored = storedRecords(srv.data.file);
    expect(stored.map((r) => r.id).sort()).toEqual(records.map((r) => r.id).sort());
    expect(stored.every((r) => r.version === 1)).toBe(true);
    expect(tableCounts(srv.data.file)).toMatchObject({
      records: 6,
      record_versions: 6,
      device_mutations: 6,
      batches: 2,
    });
    expect(srv.serverErrors).toEqual([]);
  });
});
