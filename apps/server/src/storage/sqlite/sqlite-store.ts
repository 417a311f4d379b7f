import { newEpoch } from '../epoch';
import type { MetaPort, Store, Tx } from '../store';
import { TransactionGuard } from '../transaction-guard';
import { TaskQueue } from '../task-queue';
import { accountsStore } from './accounts';
import { migrate } from './migrations';
import { openDatabase } from './open-database';
import { referenceStore } from './reference';
import { auditStore, reviewStore } from './review';
import { withStatementCache } from './statement-cache';
import { asAsync } from './synchronous';
import { syncStore } from './sync';
import { targetingStore } from './targeting';

/**
 * The embedded backend: one SQLite file, one connection, one queue. Every transaction, read or
 * write, runs alone on the connection in arrival order; a write opens with BEGIN IMMEDIATE, so a
 * second process on the same file (backup, seed) waits for it rather than failing half-way. One
 * writer makes promises 2–4 of store.ts hold by construction, and sequences are given in commit order.
 * Statements are synchronous under the async ports, so a transaction holds the queue only while its
 * own statements run.
 */
export function openSqliteStore(file: string): Store {
  const db = withStatementCache(openDatabase(file));
  try {
    migrate(db);
  } catch (e: unknown) {
    db.close();
    throw e;
  }
  const hasEpoch = db.prepare("SELECT 1 FROM meta WHERE key = 'epoch'").get() !== undefined;
  if (!hasEpoch) db.prepare("INSERT INTO meta (key, value) VALUES ('epoch', ?)").run(newEpoch());
  const tx: Tx = {
    accounts: asAsync(accountsStore(db)),
    reference: asAsync(referenceStore(db)),
    sync: asAsync(syncStore(db)),
    review: asAsync(reviewStore(db)),
    audit: asAsync(auditStore(db)),
    targeting: asAsync(targetingStore(db)),
    meta: asAsync<MetaPort>({
      epoch() {
        const row = db
          .prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'epoch'")
          .get();
        if (row === undefined)
          throw new Error('meta.epoch missing: the database was not initialised');
        return row.value;
      },
      rotateEpoch(epoch: string) {
        db.prepare("UPDATE meta SET value = ? WHERE key = 'epoch'").run(epoch);
      },
    }),
  };
  const queue = new TaskQueue();
  const guard = new TransactionGuard();
  const inTransaction = <T>(begin: string, fn: (tx: Tx) => Promise<T>): Promise<T> =>
    guard.run(() =>
      queue.run(async () => {
        db.exec(begin);
        try {
          const result = await fn(tx);
          db.exec('COMMIT');
          return result;
        } catch (e: unknown) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw e;
        }
      }),
    );
  return {
    backend: 'sqlite',
    read: (fn) => inTransaction('BEGIN', fn),
    write: (fn) => inTransaction('BEGIN IMMEDIATE', fn),
    ping: () => Promise.resolve(db.open),
    async close() {
      // Let queued transactions finish first: a graceful shutdown must not cut a push in half.
      await queue.run(() => Promise.resolve());
      if (db.open) db.close();
    },
  };
}
