import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { promisify } from 'node:util';
import { recordTypes } from '@jigi/domain';
import type { MutationResult } from '@jigi/sync';
import { postgresBinDir } from '@jigi/testkit';
import { openPostgresStore } from '../../../apps/server/src/storage/postgres/postgres-store';
import type { Store, Tx } from '../../../apps/server/src/storage/store';
import type { Deployment } from './provision';
import { integrityCheck, storedRecords, withDatabase, type StoredRecord } from './sqlite-inspect';

const run = promisify(execFile);

/** A row of a record's version history, as far as exactly-once needs it. */
export type VersionRef = { version: number; deviceId: string | null; mutationId: number | null };
/** A device's stored answer to one mutation id. */
export type StoredResultRef = { recordId: string; outcome: string; version: number | undefined };

/**
 * What a server stored, read the same way whatever the backend: records, their version history, and
 * per device its last mutation id and the stored results of the ids it consumed. SQLite is read from
 * the file (read-only, with PRAGMA integrity_check); PostgreSQL through the server's own store API
 * in one read snapshot, with `pg_amcheck` (heap and every B-tree index) as its integrity check.
 */
export type StoredState = {
  backend: 'sqlite' | 'postgres';
  integrity: string;
  records: StoredRecord[];
  versions: Map<string, VersionRef[]>;
  devices: Map<string, { last: number; results: Map<number, StoredResultRef> }>;
  /** Batches stored (one per push that consumed a new mutation id). */
  batches: number;
};

/** A stored result beyond a device's last id would be a half-written push: look this far past it. */
const probeBeyondLast = 20;

/** `integrity: false` skips the integrity check (reported as 'skipped'), e.g. mid-run. */
export async function readStoredState(
  source: string | Deployment,
  options: { integrity?: boolean } = {},
): Promise<StoredState> {
  if (typeof source === 'string') return sqliteState(source);
  if (source.backend === 'sqlite') return sqliteState(source.file);
  return postgresState(source.databaseUrl, options.integrity ?? true);
}

function sqliteState(file: string): StoredState {
  const records = storedRecords(file);
  return withDatabase(file, (db) => {
    const versions = new Map<string, VersionRef[]>();
    for (const r of db
      .prepare<
        [],
        { id: string; version: number; device_id: string | null; mutation_id: number | null }
      >(
        'SELECT record_id AS id, version, device_id, mutation_id FROM record_versions ORDER BY record_id, version',
      )
      .all())
      push(versions, r.id, {
        version: r.version,
        deviceId: r.device_id,
        mutationId: r.mutation_id,
      });
    const devices: StoredState['devices'] = new Map();
    for (const d of db
      .prepare<[], { id: string; last: number }>('SELECT id, last_mutation_id AS last FROM devices')
      .all())
      devices.set(d.id, { last: d.last, results: new Map() });
    for (const m of db
      .prepare<[], { device_id: string; mutation_id: number; result: string }>(
        'SELECT device_id, mutation_id, result FROM device_mutations',
      )
      .all())
      devices
        .get(m.device_id)
        ?.results.set(m.mutation_id, resultRef(JSON.parse(m.result) as MutationResult));
    const batches =
      db.prepare<[], { n: number }>('SELECT count(*) AS n FROM batches').get()?.n ?? 0;
    return {
      backend: 'sqlite',
      integrity: integrityCheck(file),
      records,
      versions,
      devices,
      batches,
    };
  });
}

async function postgresState(databaseUrl: string, integrity: boolean): Promise<StoredState> {
  const store = await openPostgresStore(databaseUrl, { poolSize: 1 });
  try {
    const state = await store.read((tx) => stateOf(tx));
    return { ...state, integrity: integrity ? await pgAmcheck(databaseUrl) : 'skipped' };
  } finally {
    await store.close();
  }
}

/** Every record of every type, deleted ones included, a page at a time (by id). */
async function allRecords(tx: Tx) {
  const out = [];
  for (const type of recordTypes)
    for (let after = ''; ;) {
      const page = await tx.sync.recordsPage({ type, includeDeleted: true }, after, 500);
      out.push(...page);
      if (page.length < 500) break;
      after = page.at(-1)?.id ?? '';
    }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

async function stateOf(tx: Tx): Promise<Omit<StoredState, 'integrity'>> {
  const rows = await allRecords(tx);
  const versions = new Map<string, VersionRef[]>();
  for (const r of rows)
    versions.set(
      r.id,
      (await tx.sync.recordVersions(r.id)).map((v) => ({
        version: v.version,
        deviceId: v.deviceId,
        mutationId: v.mutationId,
      })),
    );
  const devices: StoredState['devices'] = new Map();
  for (const d of await tx.accounts.listDevices()) {
    const results = new Map<number, StoredResultRef>();
    for (let id = 1; id <= d.lastMutationId + probeBeyondLast; id++) {
      const stored = await tx.sync.storedResult(d.id, id);
      if (stored !== undefined) results.set(id, resultRef(stored));
    }
    devices.set(d.id, { last: d.lastMutationId, results });
  }
  return {
    backend: 'postgres',
    records: rows.map((r) => ({
      id: r.id,
      type: r.type,
      version: r.version,
      deleted: r.deleted,
      data: r.data,
    })),
    versions,
    devices,
    batches: (await tx.sync.listBatches({ limit: 1, offset: 0 })).total,
  };
}

/**
 * PostgreSQL's integrity check: `pg_amcheck` verifies every table's heap and every B-tree index
 * (`--heapallindexed`: each heap tuple has its index entry). 'ok', or what it reported.
 */
export async function pgAmcheck(databaseUrl: string): Promise<string> {
  const url = new URL(databaseUrl);
  try {
    await run(
      path.join(postgresBinDir(), 'pg_amcheck'),
      [
        '--host',
        url.hostname,
        '--port',
        url.port,
        '--username',
        decodeURIComponent(url.username),
        '--database',
        url.pathname.slice(1),
        '--install-missing',
        '--heapallindexed',
        '--no-password',
      ],
      { timeout: 60_000 },
    );
    return 'ok';
  } catch (e: unknown) {
    const out = e as { stdout?: string; stderr?: string; message?: string };
    return `pg_amcheck: ${(out.stdout ?? '') + (out.stderr ?? '') || (out.message ?? String(e))}`.slice(
      0,
      2000,
    );
  }
}

/**
 * What a transaction that stopped half-way would leave, on either backend: a device whose stored
 * results do not cover exactly ids 1..last, a record whose history is not exactly versions
 * 1..version, a version written by a device's mutation without that mutation's stored result (or
 * beyond the device's last id), an applied or merged result without the version it announced.
 * Every committed state must give []; the tests read it while tablets are still pushing too.
 */
export function halfWrites(state: StoredState): string[] {
  const problems: string[] = [];
  for (const [deviceId, { last, results }] of state.devices) {
    for (let id = 1; id <= last; id++)
      if (!results.has(id)) problems.push(`${deviceId}#${id}: consumed without a stored result`);
    for (const id of results.keys())
      if (id > last) problems.push(`${deviceId}#${id}: stored result beyond last id ${last}`);
  }
  for (const record of state.records) {
    const history = state.versions.get(record.id) ?? [];
    const numbers = history.map((v) => v.version).join(',');
    const expected = Array.from({ length: record.version }, (_, i) => i + 1).join(',');
    if (numbers !== expected)
      problems.push(`${record.id}: version ${record.version}, history [${numbers}]`);
    for (const v of history) {
      if (v.deviceId === null || v.mutationId === null) continue;
      const device = state.devices.get(v.deviceId);
      const result = device?.results.get(v.mutationId);
      if (device === undefined || v.mutationId > device.last || result === undefined)
        problems.push(
          `${record.id} v${v.version}: written by ${v.deviceId}#${v.mutationId}, not consumed`,
        );
      else if (result.recordId !== record.id || result.version !== v.version)
        problems.push(
          `${record.id} v${v.version}: ${v.deviceId}#${v.mutationId} answered ${JSON.stringify(result)}`,
        );
    }
  }
  for (const [deviceId, { results }] of state.devices)
    for (const [id, result] of results) {
      if (result.outcome !== 'applied' && result.outcome !== 'merged') continue;
      const written = (state.versions.get(result.recordId) ?? []).some(
        (v) => v.version === result.version && v.deviceId === deviceId && v.mutationId === id,
      );
      if (!written)
        problems.push(
          `${deviceId}#${id}: ${result.outcome} ${result.recordId} v${result.version ?? '?'} not in its history`,
        );
    }
  return problems;
}

/**
 * A digest of what the store API shows of every aggregate a push touches — records, histories,
 * devices (their last mutation ids, not `lastSeenAt`, which every answered push moves), stored
 * results, batches, change-log head, conflicts, quarantine, audit: equal digests, nothing written.
 */
export async function storeDigest(store: Store): Promise<Record<string, string>> {
  return store.read(async (tx) => {
    const rows = await allRecords(tx);
    const devices = await tx.accounts.listDevices();
    const results = [];
    for (const d of devices)
      for (let id = 1; id <= d.lastMutationId + probeBeyondLast; id++)
        results.push([d.id, id, (await tx.sync.storedResult(d.id, id)) ?? null]);
    const histories = [];
    for (const r of rows) histories.push(await tx.sync.recordVersions(r.id));
    const parts: Record<string, unknown> = {
      records: rows,
      record_versions: histories,
      devices: devices.map(({ lastSeenAt: _seen, ...d }) => d),
      device_mutations: results,
      batches: await tx.sync.listBatches({ limit: 100_000, offset: 0 }),
      changes: await tx.sync.lastSeq(),
      conflicts: await tx.review.listConflicts({}),
      quarantine: await tx.sync.listQuarantine(),
      audit_log: await tx.audit.recent(100_000),
    };
    return Object.fromEntries(
      Object.entries(parts).map(([k, v]) => [
        k,
        createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 16),
      ]),
    );
  });
}

function resultRef(r: MutationResult): StoredResultRef {
  return {
    recordId: r.recordId,
    outcome: r.outcome,
    version: 'version' in r ? r.version : undefined,
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}
