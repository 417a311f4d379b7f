import { randomBytes } from 'node:crypto';
import { accountsStore } from './accounts-store';
import { migrate } from './migrations';
import { openDatabase } from './open-database';
import { recordsStore } from './records-store';
import { referenceStore } from './reference-store';
import type { Repository } from './repository';
import { reviewStore } from './review-store';
import { withStatementCache } from './statement-cache';

/** A new server epoch: short, cursor-safe (`[A-Za-z0-9_-]`). */
export function newEpoch(): string {
  return randomBytes(6).toString('base64url');
}

/** The SQLite implementation of the repository: opens (and migrates) the file. */
export function createSqliteRepository(file: string): Repository {
  const db = withStatementCache(openDatabase(file));
  migrate(db);
  const getEpoch = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'epoch'");
  if (getEpoch.get() === undefined)
    db.prepare("INSERT INTO meta (key, value) VALUES ('epoch', ?)").run(newEpoch());
  return {
    ...accountsStore(db),
    ...referenceStore(db),
    ...recordsStore(db),
    ...reviewStore(db),
    transaction<T>(fn: () => T): T {
      // IMMEDIATE: take the write lock up front so two pushes never interleave reads and writes.
      return db.transaction(fn).immediate();
    },
    close() {
      if (db.open) db.close();
    },
    epoch() {
      const row = getEpoch.get();
      if (row === undefined)
        throw new Error('meta.epoch missing: the database was not initialised');
      return row.value;
    },
    rotateEpoch(epoch) {
      db.prepare("UPDATE meta SET value = ? WHERE key = 'epoch'").run(epoch);
    },
    async backup(target) {
      await db.backup(target);
    },
  };
}
