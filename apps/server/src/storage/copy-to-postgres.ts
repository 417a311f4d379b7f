import { createHash } from 'node:crypto';
import Database from 'better-sqlite3';
import pg from 'pg';
import { migratePostgres } from './postgres/migrations';
import { migrate } from './sqlite/migrations';
import { StoreOpenError } from './store-errors';

/**
 * Moving a deployment from its SQLite file to an empty PostgreSQL database, table by table, in one
 * PostgreSQL transaction (all or nothing). Everything is copied as stored — accounts, devices with
 * their last mutation ids and stored results, records, version history, the change log with its
 * sequences and the epoch, batches, review state, conflicts, tasks, audit, quarantine, reference
 * data — so tablets continue where they were: their pull cursors (epoch + sequence) mean the same
 * on the new database and their next mutation id is the one it expects. No 410, no resync. Each
 * table is then checked by row count and content hash on both sides.
 */

/** Copy order: a table after those it references. */
const tables = [
  'meta',
  'users',
  'user_zones',
  'devices',
  'sessions',
  'villages',
  'beneficiary_households',
  'microprojects',
  'microproject_villages',
  'settings',
  'audit_log',
  'records',
  'record_versions',
  'changes',
  'batches',
  'batch_records',
  'device_mutations',
  'quarantine',
  'conflicts',
  'tasks',
  'review_decisions',
  'pmt_formulas',
  'pmt_adoptions',
  'pmt_scores',
  'enrolments',
  'enrolment_events',
] as const;
type Table = (typeof tables)[number];

/** Columns SQLite keeps as 0/1 and PostgreSQL as booleans. */
const booleanColumns: Partial<Record<Table, readonly string[]>> = {
  users: ['active'],
  records: ['deleted'],
  pmt_formulas: ['demo'],
};
/** Tables whose ids PostgreSQL draws from a sequence (BIGSERIAL): set past the copied ids. */
const serialKeys: Partial<Record<Table, string>> = {
  audit_log: 'id',
  batches: 'number',
  quarantine: 'id',
  review_decisions: 'id',
  pmt_adoptions: 'id',
  enrolment_events: 'id',
};

export type TableCheck = { table: Table; rows: number; hash: string; matches: boolean };
export type CopyReport = { tables: TableCheck[]; lastSeq: number; epoch: string; ok: boolean };

type Row = Record<string, unknown>;

/** One row as both sides must agree on it: booleans as 0/1, big integers as numbers. */
function canonical(row: Row, columns: readonly string[]): string {
  return JSON.stringify(
    columns.map((c) => {
      const v = row[c];
      if (typeof v === 'boolean') return v ? 1 : 0;
      if (typeof v === 'bigint') return Number(v);
      // node-postgres hands BIGINT as text; a digits-only text column is read the same on both sides.
      if (typeof v === 'string' && /^-?\d{1,15}$/.test(v)) return Number(v);
      return v ?? null;
    }),
  );
}

function hashRows(rows: Iterable<Row>, columns: readonly string[]): { rows: number; hash: string } {
  const hash = createHash('sha256');
  let n = 0;
  for (const row of rows) {
    hash.update(canonical(row, columns));
    hash.update('\n');
    n++;
  }
  return { rows: n, hash: hash.digest('hex') };
}

/** Primary-key order, the same on both sides (text compared byte-wise: COLLATE "C"). */
function orderBy(db: Database.Database, table: Table): string[] {
  const info = db.prepare<[], { name: string; pk: number }>(`PRAGMA table_info(${table})`).all();
  const keys = info
    .filter((c) => c.pk > 0)
    .sort((a, b) => a.pk - b.pk)
    .map((c) => c.name);
  return keys.length > 0 ? keys : info.map((c) => c.name);
}

export async function copySqliteToPostgres(sqliteFile: string, url: string): Promise<CopyReport> {
  const source = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  // The source must be at the schema this server knows (an older file is migrated on a copy first).
  const version = source.pragma('user_version', { simple: true }) as number;
  if (version === 0) throw new Error(`${sqliteFile} n’est pas une base Jigi Collect`);
  source.close();
  {
    const writable = new Database(sqliteFile, { fileMustExist: true });
    try {
      migrate(writable);
    } finally {
      writable.close();
    }
  }
  const db = new Database(sqliteFile, { readonly: true, fileMustExist: true });
  const client = new pg.Client({ connectionString: url });
  try {
    await client.connect();
  } catch (e: unknown) {
    db.close();
    throw new StoreOpenError(
      `PostgreSQL injoignable : ${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    );
  }
  try {
    await migratePostgres(client);
    const used = await client.query<{ n: string }>(
      'SELECT (SELECT count(*) FROM users) + (SELECT count(*) FROM records) + (SELECT count(*) FROM meta) AS n',
    );
    if (Number(used.rows[0]?.n ?? 0) > 0) {
      throw new Error(
        'La base PostgreSQL cible n’est pas vide (comptes, fiches ou époque déjà présents) : rien n’a été copié.',
      );
    }
    // One snapshot of the source: a server still writing to the file cannot tear the copy.
    db.exec('BEGIN');
    await client.query('BEGIN');
    try {
      for (const table of tables) await copyTable(db, client, table);
      const lastSeq =
        db
          .prepare<[], { seq: number }>("SELECT seq FROM sqlite_sequence WHERE name = 'changes'")
          .get()?.seq ?? 0;
      await client.query('UPDATE change_counter SET seq = $1 WHERE id = 1', [lastSeq]);
      for (const [table, key] of Object.entries(serialKeys)) {
        await client.query(
          `SELECT setval(pg_get_serial_sequence('${table}', '${key}'), GREATEST((SELECT max(${key}) FROM ${table}), 1), (SELECT max(${key}) FROM ${table}) IS NOT NULL)`,
        );
      }
      await client.query('COMMIT');
    } catch (e: unknown) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      db.exec('COMMIT');
    }
    return await verifyCopy(db, client);
  } finally {
    db.close();
    await client.end();
  }
}

async function copyTable(db: Database.Database, client: pg.Client, table: Table): Promise<void> {
  const columns = db
    .prepare<[], { name: string }>(`PRAGMA table_info(${table})`)
    .all()
    .map((c) => c.name);
  const booleans = new Set(booleanColumns[table] ?? []);
  const perInsert = Math.floor(30_000 / columns.length);
  let batch: unknown[][] = [];
  const flush = async () => {
    if (batch.length === 0) return;
    const params: unknown[] = [];
    const values = batch.map(
      (row) =>
        `(${row
          .map((v) => {
            params.push(v);
            return `$${params.length}`;
          })
          .join(', ')})`,
    );
    await client.query(
      `INSERT INTO ${table} (${columns.join(', ')}) VALUES ${values.join(', ')}`,
      params,
    );
    batch = [];
  };
  for (const row of db.prepare<[], Row>(`SELECT * FROM ${table}`).iterate()) {
    batch.push(columns.map((c) => (booleans.has(c) ? row[c] === 1 : row[c])));
    if (batch.length >= perInsert) await flush();
  }
  await flush();
}

/** Row counts and content hashes of every table, read from both databases in the same order. */
export async function verifyCopy(
  db: Database.Database,
  client: pg.ClientBase,
): Promise<CopyReport> {
  const checks: TableCheck[] = [];
  for (const table of tables) {
    const columns = db
      .prepare<[], { name: string }>(`PRAGMA table_info(${table})`)
      .all()
      .map((c) => c.name);
    const keys = orderBy(db, table);
    const isText = new Set(
      db
        .prepare<[], { name: string; type: string }>(`PRAGMA table_info(${table})`)
        .all()
        .filter((c) => c.type === 'TEXT')
        .map((c) => c.name),
    );
    const sqliteOrder = keys.join(', ');
    const pgOrder = keys.map((k) => (isText.has(k) ? `${k} COLLATE "C"` : k)).join(', ');
    const fromSqlite = hashRows(
      db.prepare<[], Row>(`SELECT * FROM ${table} ORDER BY ${sqliteOrder}`).iterate(),
      columns,
    );
    const pgRows = await client.query<Row>(
      `SELECT ${columns.join(', ')} FROM ${table} ORDER BY ${pgOrder}`,
    );
    const fromPostgres = hashRows(pgRows.rows, columns);
    checks.push({
      table,
      rows: fromPostgres.rows,
      hash: fromPostgres.hash,
      matches: fromSqlite.rows === fromPostgres.rows && fromSqlite.hash === fromPostgres.hash,
    });
  }
  const lastSeq = Number(
    (await client.query<{ seq: string }>('SELECT seq FROM change_counter')).rows[0]?.seq ?? 0,
  );
  const epoch =
    (await client.query<{ value: string }>("SELECT value FROM meta WHERE key = 'epoch'")).rows[0]
      ?.value ?? '';
  return { tables: checks, lastSeq, epoch, ok: checks.every((c) => c.matches) };
}
