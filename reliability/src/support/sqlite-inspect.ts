import { createHash } from 'node:crypto';
import type BetterSqlite3 from 'better-sqlite3';
import { serverRequire } from './server-paths';

const Database = serverRequire('better-sqlite3') as typeof BetterSqlite3;

/** A stored record as the server's `records` table holds it. */
export type StoredRecord = {
  id: string;
  type: string;
  version: number;
  deleted: boolean;
  data: unknown;
};

/** Reads a server's SQLite file read-only (WAL readers never block the server's writer). */
export function withDatabase<T>(file: string, read: (db: BetterSqlite3.Database) => T): T {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    return read(db);
  } finally {
    db.close();
  }
}

/** `PRAGMA integrity_check`: 'ok', or the first problems SQLite reports. */
export function integrityCheck(file: string): string {
  return withDatabase(file, (db) =>
    (db.pragma('integrity_check') as { integrity_check: string }[])
      .map((r) => r.integrity_check)
      .join('; '),
  );
}

export function storedRecords(file: string): StoredRecord[] {
  return withDatabase(file, (db) =>
    db
      .prepare<[], { id: string; type: string; version: number; deleted: number; data: string }>(
        'SELECT id, type, version, deleted, data FROM records ORDER BY id',
      )
      .all()
      .map((r) => ({
        id: r.id,
        type: r.type,
        version: r.version,
        deleted: r.deleted === 1,
        data: JSON.parse(r.data) as unknown,
      })),
  );
}

/** Row counts of the tables that show exactly-once effects. */
export function tableCounts(file: string): Record<string, number> {
  return withDatabase(file, (db) => {
    const count = (table: string) =>
      db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${table}`).get()?.n ?? 0;
    return Object.fromEntries(
      [
        'records',
        'record_versions',
        'device_mutations',
        'batches',
        'quarantine',
        'conflicts',
        'changes',
        'audit_log',
        'devices',
        'users',
        'sessions',
      ].map((t) => [t, count(t)]),
    );
  });
}

/** Stored mutation results per device: how many mutation ids the server consumed. */
export function deviceMutationCounts(file: string): Map<string, { rows: number; last: number }> {
  return withDatabase(file, (db) => {
    const rows = db
      .prepare<[], { device_id: string; n: number; last: number }>(
        'SELECT d.id AS device_id, d.last_mutation_id AS last, (SELECT count(*) FROM device_mutations m WHERE m.device_id = d.id) AS n FROM devices d',
      )
      .all();
    return new Map(rows.map((r) => [r.device_id, { rows: r.n, last: r.last }]));
  });
}

/**
 * SHA-256 per table over every row (sorted) and the table's schema: two files agree on a table
 * exactly when they hold the same rows. `ignore` names columns (`table.column`) left out, e.g. a
 * device's `last_seen_at`, which every answered request moves on purpose.
 */
export function tableHashes(file: string, ignore: readonly string[] = []): Record<string, string> {
  return withDatabase(file, (db) => {
    const out: Record<string, string> = {};
    const tables = db
      .prepare<[], { name: string; sql: string }>(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name",
      )
      .all();
    for (const { name, sql } of tables) {
      const columns = db
        .prepare<[], { name: string }>(`SELECT name FROM pragma_table_info('${name}')`)
        .all()
        .map((c) => c.name)
        .filter((c) => !ignore.includes(`${name}.${c}`));
      const hash = createHash('sha256').update(`${sql}\n`);
      const rows = db
        .prepare(`SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM "${name}"`)
        .raw()
        .all()
        .map((r) => JSON.stringify(r))
        .sort();
      for (const row of rows) hash.update(`${row}\n`);
      out[name] = hash.digest('hex').slice(0, 16);
    }
    return out;
  });
}

/** What a request without effect may still change: the device's last-seen time. */
export const touchColumns = ['devices.last_seen_at'] as const;
