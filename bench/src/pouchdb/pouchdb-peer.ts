import PouchDB from 'pouchdb-core';
import httpAdapter from 'pouchdb-adapter-http';
import memoryAdapter from 'pouchdb-adapter-memory';
import replication from 'pouchdb-replication';
import type { Database } from 'pouchdb-core';
import type { BenchRecord, SyncPeer, SyncPeerFactory } from '../sync-peer';
import { sharedPouchServer } from './pouchdb-server';

const Pouch = PouchDB.plugin(memoryAdapter).plugin(httpAdapter).plugin(replication);
let instances = 0;

/** Strips PouchDB's metadata so a stored doc compares equal to the generated record. */
function toRecord(doc: Record<string, unknown>): BenchRecord {
  const { _id: _ignoredId, _rev: _ignoredRev, ...record } = doc;
  return record as BenchRecord;
}

async function allRecords(db: Database): Promise<BenchRecord[]> {
  const { rows } = await db.allDocs({ include_docs: true });
  return rows.flatMap((row) =>
    row.doc && !row.id.startsWith('_design/') ? [toRecord(row.doc)] : [],
  );
}

/**
 * PouchDB as programs use it today: pouchdb-core with the memory adapter on the client, one-shot
 * replication (`replicate.to` / `replicate.from`) with `batch_size`, against express-pouchdb.
 */
export function pouchdbPeer(batchSize: number): SyncPeerFactory {
  const name = `pouchdb b=${batchSize}`;
  return {
    name,
    async create(): Promise<SyncPeer> {
      const server = await sharedPouchServer(Pouch);
      const id = ++instances;
      const dbName = `households-${id}`;
      const clientA = new Pouch(`bench-a-${id}`, { adapter: 'memory' });
      const clientB = new Pouch(`bench-b-${id}`, { adapter: 'memory' });
      let base = server.url;
      const remote = (): string => `${base}/${dbName}`;
      const options = { batch_size: batchSize };
      // A one-shot replication that read or wrote nothing it should have is a failed run, not a slow one.
      const check = (
        what: string,
        r: { ok: boolean; doc_write_failures: number; status: string },
      ): void => {
        if (!r.ok || r.doc_write_failures > 0 || r.status !== 'complete')
          throw new Error(
            `${name}: ${what} ended ${r.status} with ${r.doc_write_failures} write failures`,
          );
      };
      return {
        name,
        stats: server.stats,
        serverUrl: server.url,
        async writeLocal(records) {
          for (let i = 0; i < records.length; i += 1000) {
            const results = await clientA.bulkDocs(
              records.slice(i, i + 1000).map((r) => ({ _id: r.id, ...r })),
            );
            const failed = results.find((x) => x.error !== undefined);
            if (failed) throw new Error(`${name}: local write failed: ${failed.error ?? ''}`);
          }
        },
        async push() {
          check('push', await clientA.replicate.to(remote(), options));
        },
        async pullIntoFresh() {
          check('pull', await clientB.replicate.from(remote(), options));
        },
        async noopResync() {
          check('resync push', await clientA.replicate.to(remote(), options));
          check('resync pull', await clientB.replicate.from(remote(), options));
        },
        serverRecords: () => allRecords(new Pouch(`${server.url}/${dbName}`)),
        freshClientRecords: () => allRecords(clientB),
        async pending() {
          // Local revisions the server lacks: what PouchDB would still have to send.
          const { rows } = await clientA.allDocs({});
          const diff = await new Pouch(`${server.url}/${dbName}`).revsDiff(
            Object.fromEntries(rows.map((r) => [r.id, [r.value.rev]])),
          );
          return Object.keys(diff).length;
        },
        routeThrough(url) {
          base = url ?? server.url;
        },
        async close() {
          // Free the memory of this run's databases; the shared server stays up for the next peer.
          await Promise.all([
            clientA.destroy(),
            clientB.destroy(),
            new Pouch(`${server.url}/${dbName}`).destroy(),
          ]);
        },
      };
    },
  };
}
