import type { WireStats } from './wire-counter';

/**
 * The author of the benchmark's records: client A's user and tablet, as provisioned (reliability's
 * `provisionDataDir`: the first device). Our server stamps a write's author from its token, so a
 * record is handed back as sent only when it carries them; PouchDB gets the same records.
 */
export const BENCH_AUTHOR = { agentId: 'user-rel-enq', deviceId: 'rel-device-001' } as const;

/** A record as generated (and as both peers must hand it back): plain JSON with an `id`. */
export type BenchRecord = { id: string } & Record<string, unknown>;

/**
 * One sync system under benchmark: a server on 127.0.0.1 and the clients that talk to it. PouchDB
 * implements it now (`pouchdb/pouchdb-peer.ts`); our sync engine plugs in beside it
 * (`ours/`). The runner times each phase and reads `stats` before and after it, so a peer only
 * does the work.
 *
 * `push(records)` of the brief is split in two: `writeLocal` (what the tablet does offline,
 * untimed: it measures the local store, not sync) and `push`.
 */
export interface SyncPeer {
  /** Short label for tables, e.g. `pouchdb b=100`. */
  readonly name: string;
  /** Traffic counted at the server's HTTP sockets: a running total, which phases read as differences. */
  readonly stats: WireStats;
  /** Saves records on client A as local, unsynced edits (an outbox or local revisions). Untimed. */
  writeLocal(records: readonly BenchRecord[]): Promise<void>;
  /** Client A sends everything pending to the server, and returns once the server holds it. */
  push(): Promise<void>;
  /** A new client B, empty, receives everything the server holds. */
  pullIntoFresh(): Promise<void>;
  /** Nothing changed anywhere: A pushes again and B pulls again, as each does when it comes online. */
  noopResync(): Promise<void>;
  /** The records the server holds, without sync metadata (`_id`, `_rev`, versions …), for the gate. */
  serverRecords(): Promise<BenchRecord[]>;
  /** The records client B holds, without sync metadata. */
  freshClientRecords(): Promise<BenchRecord[]>;
  /** Local edits of client A the server does not have yet (an outbox's length). */
  pending(): Promise<number>;
  /** Points the clients at another base URL (a faulty link in front of the server), or back with `undefined`. */
  routeThrough(baseUrl: string | undefined): void;
  /** The server's own base URL (what a link proxies to). */
  readonly serverUrl: string;
  /** Peer-specific detail of what was measured (e.g. where a phase's time went), kept in the results. */
  details?(): Record<string, unknown>;
  /** Stops the server and frees the clients. */
  close(): Promise<void>;
}

/** Makes a fresh peer (new server, new clients) for one run. */
export interface SyncPeerFactory {
  readonly name: string;
  create(): Promise<SyncPeer>;
}
