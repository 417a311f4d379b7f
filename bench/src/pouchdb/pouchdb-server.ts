import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import expressPouchDB from 'express-pouchdb';
import type { PouchStatic } from 'pouchdb-core';
import { countWire, type WireStats } from '../wire-counter';

/** A CouchDB-compatible server: express-pouchdb over in-memory PouchDB, on 127.0.0.1. */
export interface PouchServer {
  url: string;
  stats: WireStats;
}

let shared: Promise<PouchServer> | undefined;

/**
 * The process's one express-pouchdb server. One per process because express-pouchdb hooks its
 * plugins (all-dbs bookkeeping) into the PouchDB constructor: a second instance on the same
 * constructor writes every database creation twice and fails with a conflict. Peers therefore
 * share it, each with its own database, and the runner reads traffic as per-phase differences.
 */
export function sharedPouchServer(Pouch: PouchStatic): Promise<PouchServer> {
  shared ??= startPouchServer(Pouch);
  return shared;
}

/**
 * Starts express-pouchdb in its `minimumForPouchDB` mode (the routes replication uses, gzip
 * responses included) over the memory adapter — the same store as the clients, so the comparison
 * is between sync protocols, not between disks.
 */
async function startPouchServer(Pouch: PouchStatic): Promise<PouchServer> {
  const app = expressPouchDB(Pouch.defaults({ adapter: 'memory' }), {
    mode: 'minimumForPouchDB',
    inMemoryConfig: true,
    // Otherwise it writes ./log.txt into whatever directory the benchmark runs from.
    logPath: path.join(os.tmpdir(), 'jigi-bench-express-pouchdb.log'),
  });
  const server = http.createServer(app);
  const stats = countWire(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  // It lives as long as the process, and must not be what keeps it alive.
  server.unref();
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, stats };
}
