import pg from 'pg';
import { newEpoch } from '../epoch';
import type { Store, Tx } from '../store';
import { StoreOpenError, StoreUnavailableError } from '../store-errors';
import { Slots } from '../task-queue';
import { TransactionGuard } from '../transaction-guard';
import { accountsPort } from './accounts';
import { migratePostgres } from './migrations';
import { queryOn, type Query } from './query';
import { referencePort } from './reference';
import { auditPort, reviewPort } from './review';
import { targetingPort } from './targeting';
import { PendingChanges, syncPort } from './sync';

// BIGINT columns (sequences, mutation ids) come back as numbers: they stay far below 2^53.
const INT8_OID = 20;
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary'): unknown =>
    oid === INT8_OID
      ? (value: string) => Number(value)
      : (pg.types.getTypeParser as (o: number, f: string) => unknown)(
          oid,
          format ?? 'text',
        )) as typeof pg.types.getTypeParser,
};

/** SQLSTATEs after which the whole write is run again: a lost deadlock or serialization race. */
const retryable = new Set(['40001', '40P01']);
const maxAttempts = 8;

/**
 * The database is away rather than the statement wrong: connection refused or cut, the server
 * shutting down or starting (class 08, 57P01–57P03), too many connections (53300).
 */
export function isConnectionFailure(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string') {
    if (code.startsWith('08') || ['57P01', '57P02', '57P03', '53300'].includes(code)) return true;
    if (
      ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND'].includes(
        code,
      )
    )
      return true;
  }
  return /Connection terminated|connection timeout|Client has encountered a connection error|not queryable/i.test(
    e.message,
  );
}

function describe(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port === '' ? '5432' : u.port}${u.pathname}`;
  } catch {
    return 'DATABASE_URL';
  }
}

export type PostgresStoreOptions = { poolSize?: number };

/**
 * The PostgreSQL backend: a pool of connections, each transaction on a client of its own, so several
 * server processes (and several requests of one) write at once. Writes run at READ COMMITTED with
 * explicit locks (device row, records read, HIMO rolls: promises 2 and 4 of store.ts); changes get
 * their sequences at commit (sync.ts, PendingChanges: promise 3); reads run in a REPEATABLE READ
 * READ ONLY snapshot (promise 5). A lost connection answers StoreUnavailableError; the pool opens new
 * connections by itself when the database is back.
 */
export async function openPostgresStore(
  url: string,
  options: PostgresStoreOptions = {},
): Promise<Store> {
  const poolSize = options.poolSize ?? 10;
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types,
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
  });
  // An idle client whose server went away emits here; without a listener the process would die.
  pool.on('error', () => undefined);
  const where = describe(url);
  let client: pg.PoolClient;
  try {
    client = await pool.connect();
  } catch (e: unknown) {
    await pool.end().catch(() => undefined);
    const reason = e instanceof Error ? e.message : String(e);
    throw new StoreOpenError(`PostgreSQL injoignable (${where}) : ${reason}`, { cause: e });
  }
  try {
    await migratePostgres(client);
    await client.query(
      "INSERT INTO meta (key, value) VALUES ('epoch', $1) ON CONFLICT (key) DO NOTHING",
      [newEpoch()],
    );
  } catch (e: unknown) {
    client.release();
    await pool.end().catch(() => undefined);
    throw e;
  }
  client.release();

  const txOn = (q: Query, pending: PendingChanges, forWrite: boolean): Tx => ({
    accounts: accountsPort(q),
    reference: referencePort(q),
    sync: syncPort(q, pending, forWrite),
    review: reviewPort(q),
    audit: auditPort(q),
    targeting: targetingPort(q),
    meta: {
      async epoch() {
        const [row] = await q<{ value: string }>("SELECT value FROM meta WHERE key = 'epoch'");
        if (row === undefined)
          throw new Error('meta.epoch missing: the database was not initialised');
        return row.value;
      },
      async rotateEpoch(epoch) {
        await q("UPDATE meta SET value = $1 WHERE key = 'epoch'", [epoch]);
      },
    },
  });

  const guard = new TransactionGuard();
  // One slot per pooled connection: a transaction waits here, not in the pool (see Slots).
  const slots = new Slots(poolSize);
  const run = async <T>(
    begin: string,
    forWrite: boolean,
    fn: (tx: Tx) => Promise<T>,
  ): Promise<T> => {
    for (let attempt = 1; ; attempt++) {
      let c: pg.PoolClient;
      try {
        c = await pool.connect();
      } catch (e: unknown) {
        throw new StoreUnavailableError(`PostgreSQL injoignable (${where})`, { cause: e });
      }
      let broken = false;
      // A connection cut while this client is checked out is emitted on the client; without a
      // listener it would kill the process. The failing query rejects as well, and answers 503.
      const onError = () => {
        broken = true;
      };
      c.on('error', onError);
      try {
        const q = queryOn(c);
        const pending = new PendingChanges();
        await c.query(begin);
        const result = await fn(txOn(q, pending, forWrite));
        await pending.flush(q);
        await c.query('COMMIT');
        return result;
      } catch (e: unknown) {
        await c.query('ROLLBACK').catch(() => {
          broken = true;
        });
        const code = (e as { code?: unknown }).code;
        if (typeof code === 'string' && retryable.has(code) && attempt < maxAttempts) continue;
        if (isConnectionFailure(e)) {
          broken = true;
          throw new StoreUnavailableError(`PostgreSQL injoignable (${where})`, { cause: e });
        }
        throw e;
      } finally {
        c.off('error', onError);
        // A client whose connection failed is dropped, not handed to the next request.
        c.release(broken);
      }
    }
  };

  return {
    backend: 'postgres',
    read: (fn) =>
      guard.run(() =>
        slots.run(() => run('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', false, fn)),
      ),
    write: (fn) => guard.run(() => slots.run(() => run('BEGIN', true, fn))),
    async ping() {
      try {
        await pool.query('SELECT 1');
        return true;
      } catch {
        return false;
      }
    },
    async close() {
      await pool.end();
    },
  };
}
