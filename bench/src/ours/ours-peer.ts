import 'fake-indexeddb/auto';
import { performance } from 'node:perf_hooks';
import { generatedRecordType } from '@jigi/testkit';
import { buildApp } from '../../../apps/server/src/app';
import { allRecords } from '../../../apps/server/src/services/record-pages';
import { openSqliteStore } from '../../../apps/server/src/storage/sqlite/sqlite-store';
import { provisionDataDir, RELIABILITY_USER } from '../../../reliability/src/support/provision';
import { BENCH_AUTHOR, type BenchRecord, type SyncPeer, type SyncPeerFactory } from '../sync-peer';
import { countWire, diff, snapshot, type WireStats } from '../wire-counter';
import { fieldClient, type FieldClient } from './field-client';

/** One stretch of a phase: traffic, wall time, and the part of it the server spent on requests. */
export type Stretch = WireStats & { ms: number; serverMs: number };

/** Where the time of our push phase went, for explaining a ratio (see BENCHMARKS.md). */
export interface PushSplit {
  /** The engine's push loop: freeze + gzip + POST + acknowledge, batch after batch. */
  pushOnly: Stretch;
  /** The pull that ends every sync: client A receives its own records back (same user scope). */
  pullBack: Stretch;
}

let instances = 0;

/**
 * Our sync as issue 8 measures it: the real server (`buildApp()` over a SQLite file in a fresh temp
 * folder, on 127.0.0.1) and two tablets running the field app's real sync engine on fake-indexeddb.
 * The user and its two devices are inserted as registration would (reliability's provisioning: zone
 * = every village `generateHouseholds` uses), so no scrypt login is timed.
 */
export const oursPeer: SyncPeerFactory = {
  name: 'ours',
  async create(): Promise<SyncPeer> {
    const data = await provisionDataDir(2, 'bench');
    const [deviceA, deviceB] = data.devices;
    if (!deviceA || !deviceB) throw new Error('provisioning gave fewer than 2 devices');
    if (deviceA.deviceId !== BENCH_AUTHOR.deviceId)
      throw new Error(
        `client A is ${deviceA.deviceId}, the records' author ${BENCH_AUTHOR.deviceId}`,
      );
    const store = openSqliteStore(data.file);
    const app = await buildApp({ store, logLevel: 'silent' });
    const stats = countWire(app.server);
    // Server time = Fastify's elapsed time of each answered request (body received, handled,
    // serialised, compressed); the rest of a phase is the client's (and the loopback's).
    let serverMs = 0;
    app.addHook('onResponse', (_request, reply, done) => {
      serverMs += reply.elapsedTime;
      done();
    });
    const serverMsOf: Partial<Record<'push' | 'pull' | 'noop', number>> = {};
    const timedOnServer = async (
      phase: 'push' | 'pull' | 'noop',
      work: () => Promise<void>,
    ): Promise<void> => {
      const before = serverMs;
      await work();
      serverMsOf[phase] = serverMs - before;
    };
    await app.listen({ host: '127.0.0.1', port: 0 });
    const address = app.server.address();
    const serverUrl = `http://127.0.0.1:${typeof address === 'object' && address !== null ? address.port : 0}`;
    const id = ++instances;
    let pushSplit: PushSplit | undefined;
    const a: FieldClient = await fieldClient({
      name: `bench-ours-a-${id}`,
      userId: RELIABILITY_USER,
      device: deviceA,
      baseUrl: serverUrl,
    });
    let base = serverUrl;
    // Client B is made when first used: "a new device" that had nothing before the pull.
    let b: FieldClient | undefined;
    const freshB = async (): Promise<FieldClient> => {
      b ??= await fieldClient({
        name: `bench-ours-b-${id}`,
        userId: RELIABILITY_USER,
        device: deviceB,
        baseUrl: base,
      });
      return b;
    };
    return {
      name: 'ours',
      stats,
      serverUrl,
      writeLocal: (records) => a.finaliseAll(records),
      async push() {
        // A tablet's sync is push then pull; the pull brings A's own records back (they are in its
        // user's scope). Both are timed, as a tablet waits for both; the split is kept for the report.
        const before = snapshot(stats);
        const serverBefore = serverMs;
        let split = before;
        let splitServer = serverBefore;
        let splitAt = performance.now();
        const started = splitAt;
        const unsubscribe = a.engine.progress.subscribe(() => {
          if (a.engine.progress.getSnapshot().phase === 'pulling' && split === before) {
            split = snapshot(stats);
            splitServer = serverMs;
            splitAt = performance.now();
          }
        });
        try {
          await timedOnServer('push', () => a.syncUntilEmpty());
        } finally {
          unsubscribe();
        }
        const end = performance.now();
        pushSplit = {
          pushOnly: {
            ...diff(split, before),
            ms: splitAt - started,
            serverMs: splitServer - serverBefore,
          },
          pullBack: { ...diff(stats, split), ms: end - splitAt, serverMs: serverMs - splitServer },
        };
      },
      async pullIntoFresh() {
        const client = await freshB();
        await timedOnServer('pull', () => client.syncOnce());
      },
      async noopResync() {
        const client = await freshB();
        await timedOnServer('noop', async () => {
          await a.syncOnce();
          await client.syncOnce();
        });
      },
      serverRecords: () =>
        store.read(async (tx) =>
          (await allRecords(tx, { type: generatedRecordType })).map(
            (row) => row.data as BenchRecord,
          ),
        ),
      async freshClientRecords() {
        return (await freshB()).records();
      },
      pending: () => a.pending(),
      details: () => ({ serverMs: serverMsOf, ...(pushSplit ? { pushSplit } : {}) }),
      routeThrough(url) {
        base = url ?? serverUrl;
        a.transport.baseUrl = base;
        if (b) b.transport.baseUrl = base;
      },
      async close() {
        await app.close();
        await store.close();
        a.close();
        b?.close();
        data.remove();
      },
    };
  },
};
