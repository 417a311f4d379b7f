import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';

/**
 * Opens the SQLite file with the settings every connection needs: WAL (readers never block the
 * writer; the online backup runs beside pushes), foreign keys (off by default in SQLite), a busy
 * timeout so a second process (backup CLI, seed) waits instead of failing, NORMAL sync (safe in WAL).
 */
export function openDatabase(
  file: string,
  options: { readonly?: boolean } = {},
): Database.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { readonly: options.readonly ?? false });
  db.pragma('busy_timeout = 5000');
  if (options.readonly !== true) {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
  }
  db.pragma('foreign_keys = ON');
  return db;
}
