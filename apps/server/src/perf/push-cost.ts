// Server-side cost of a push and of a pull, without the client: `tsx src/perf/push-cost.ts`
// (PUSHES=40 PER_PUSH=50 BENEFICIARIES=300; add `node --cpu-prof --import tsx` for a profile). A real SQLite file,
// buildApp().inject, gzip bodies of testkit's generated households as the field app sends them,
// each device confined to one village with a few hundred beneficiary households (the rule context
// a push reads). Prints ms per push, per record, and the pulls that follow: by another tablet of the user, and by the writer itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import { PROTOCOL_VERSION, type PullResponse } from '@jigi/sync';
import { generateHouseholds } from '../../../../packages/testkit/src/households/generate-households';
import { buildApp } from '../app';
import { hashToken } from '../services/passwords';
import { saveHousehold, saveVillage } from '../services/reference';
import { openStore } from '../storage/open-store';

const pushes = Number(process.env['PUSHES'] ?? 40);
const perPush = Number(process.env['PER_PUSH'] ?? 50);
const warmup = 3;
const beneficiaries = Number(process.env['BENEFICIARIES'] ?? 300);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigi-push-cost-'));
// DATABASE_URL=postgres://… measures the PostgreSQL backend instead (an empty database).
const store = await openStore({ dataDir: dir, databaseUrl: process.env['DATABASE_URL'] });
const deps = {
  store,
  now: () => new Date('2026-03-15T10:00:00.000Z'),
  newId: () => 'unused',
  newSecret: () => 'unused',
};
const at = '2026-03-15T08:00:00.000Z';
const villageId = 'village-perf-1';
await store.write(async (tx) => {
  await saveVillage(
    tx,
    deps,
    {
      id: villageId,
      name: 'Perf',
      communeCode: 'mopti.koro.koro',
      demo: true,
      pnp: true,
      quota: 1_000_000,
    },
    null,
  );
  for (let i = 0; i < beneficiaries; i++) {
    await saveHousehold(
      tx,
      deps,
      {
        id: `00000000-0000-4000-8bbb-${String(i).padStart(12, '0')}`,
        villageId,
        householdCode: `KOR-${String(i).padStart(4, '0')}`,
        headName: `Chef ${i}`,
      },
      null,
    );
  }
  for (const [id, userId] of [
    ['perf-device-a', 'perf-user'],
    ['perf-device-b', 'perf-user'],
  ] as const) {
    if ((await tx.accounts.userById(userId)) === undefined)
      await tx.accounts.insertUser({
        id: userId,
        login: userId,
        name: 'Perf',
        role: 'enumerator',
        active: true,
        zones: [villageId],
        passwordHash: 'disabled',
        createdAt: at,
      });
    await tx.accounts.insertDevice({
      id,
      userId,
      label: id,
      tokenHash: hashToken(`jd_${id}`),
      createdAt: at,
      revokedAt: null,
      lastMutationId: 0,
      lastSeenAt: at,
      reportedUnsynced: null,
    });
  }
});

const records = generateHouseholds({ seed: 2026, count: (pushes + warmup) * perPush }).map((r) => ({
  ...r,
  villageId,
  agentId: 'perf-user',
  deviceId: 'perf-device-a',
}));
const bodies: Buffer[] = [];
for (let p = 0; p < pushes + warmup; p++) {
  const mutations = records.slice(p * perPush, (p + 1) * perPush).map((record, i) => ({
    mutationId: p * perPush + i + 1,
    recordId: record.id,
    recordType: record.type,
    op: 'create',
    baseVersion: 0,
    record,
    clientTime: at,
  }));
  bodies.push(
    gzipSync(
      JSON.stringify({
        protocolVersion: PROTOCOL_VERSION,
        deviceId: 'perf-device-a',
        batchId: `00000000-0000-4000-b000-${String(p).padStart(12, '0')}`,
        clientTime: at,
        mutations,
      }),
    ),
  );
}

const app = await buildApp({ store, logLevel: 'silent', now: deps.now });
const headers = (device: string) => ({ authorization: `Bearer jd_${device}` });
async function pullAllAs(
  device: string,
  from?: string,
): Promise<{
  ms: number;
  cpuMs: number;
  changes: number;
  requests: number;
  cursor: string | undefined;
}> {
  let cursor: string | undefined = from;
  let changes = 0;
  let requests = 0;
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  for (;;) {
    const res = await app.inject({
      method: 'GET',
      url: '/api/sync/pull',
      headers: headers(device),
      query: { ...(cursor === undefined ? {} : { cursor }), limit: '200' },
    });
    requests++;
    const body = res.json<PullResponse>();
    changes += body.changes.length;
    cursor = body.nextCursor;
    if (!body.hasMore) {
      const cpu = process.cpuUsage(cpuStart);
      return {
        ms: performance.now() - start,
        cpuMs: (cpu.user + cpu.system) / 1000,
        changes,
        requests,
        cursor,
      };
    }
  }
}
// Both tablets are up to date before the pushes, as after a first sync.
const cursors = new Map<string, string | undefined>();
for (const device of ['perf-device-a', 'perf-device-b'])
  cursors.set(device, (await pullAllAs(device)).cursor);
const times: number[] = [];
// CPU time as well as wall time: the machine is shared, and CPU time is what other helpers' load disturbs least.
let cpuMicros = 0;
for (const [p, body] of bodies.entries()) {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const res = await app.inject({
    method: 'POST',
    url: '/api/sync/push',
    headers: {
      ...headers('perf-device-a'),
      'content-type': 'application/json',
      'content-encoding': 'gzip',
    },
    payload: body,
  });
  if (p >= warmup) {
    times.push(performance.now() - start);
    const cpu = process.cpuUsage(cpuStart);
    cpuMicros += cpu.user + cpu.system;
  }
  const results = res.json<{ results: { outcome: string }[] }>().results;
  if (res.statusCode !== 200 || results.some((r) => r.outcome !== 'applied'))
    throw new Error(`push ${p}: ${res.statusCode} ${res.body.slice(0, 500)}`);
}
times.sort((a, b) => a - b);
const total = times.reduce((s, t) => s + t, 0);
console.log(
  `push: ${pushes} × ${perPush} households: ${(total / pushes).toFixed(1)} ms/push (median ${(times[Math.floor(pushes / 2)] ?? 0).toFixed(1)}), ${(total / pushes / perPush).toFixed(2)} ms/record; CPU ${(cpuMicros / 1000 / pushes).toFixed(1)} ms/push`,
);

// B receives A's households; A, the writer, pulls after its pushes as a tablet's sync does.
for (const device of ['perf-device-b', 'perf-device-a']) {
  const pulled = await pullAllAs(device, cursors.get(device));
  console.log(
    `pull as ${device}: ${pulled.changes} changes in ${pulled.requests} requests, ${pulled.ms.toFixed(0)} ms (${(pulled.ms / Math.max(1, pulled.changes)).toFixed(3)} ms/change; CPU ${pulled.cpuMs.toFixed(0)} ms)`,
  );
}
await app.close();
await store.close();
fs.rmSync(dir, { recursive: true, force: true });
