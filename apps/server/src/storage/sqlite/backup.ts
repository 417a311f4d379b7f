import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { openDatabase } from './open-database';
import { newEpoch } from '../epoch';

/**
 * Online backup with SQLite's backup API: pages are copied in steps, and writers (pushes) go on
 * between steps; a page written meanwhile makes SQLite restart that copy, so the result is always one
 * consistent snapshot. Opens its own connection, so it also works from another process.
 */
export async function backupDatabase(source: string, target: string): Promise<{ pages: number }> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const db = openDatabase(source);
  try {
    let pages = 0;
    await db.backup(target, {
      progress({ totalPages }) {
        pages = totalPages;
        return 200;
      },
    });
    return { pages };
  } finally {
    db.close();
  }
}

/** Integrity check and schema version of a database file (a backup before it is trusted). */
export function checkDatabase(file: string): { ok: boolean; userVersion: number; records: number } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    const userVersion = db.pragma('user_version', { simple: true }) as number;
    const records =
      userVersion >= 2
        ? (db.prepare<[], { n: number }>('SELECT count(*) AS n FROM records').get()?.n ?? 0)
        : 0;
    return { ok: result === 'ok', userVersion, records };
  } finally {
    db.close();
  }
}

/**
 * Puts a backup in place of the database (server stopped) and gives it a new epoch: tablets' pull
 * cursors then answer 410 and they resync from scratch, since the restored sequence may repeat.
 */
export function restoreDatabase(backup: string, target: string): { epoch: string } {
  if (!checkDatabase(backup).ok) throw new Error(`${backup} fails the integrity check`);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.copyFileSync(backup, target);
  const db = openDatabase(target);
  try {
    const epoch = newEpoch();
    db.prepare("UPDATE meta SET value = ? WHERE key = 'epoch'").run(epoch);
    return { epoch };
  } finally {
    db.close();
  }
}
