// The one place that picks the backend from the configuration: `DATABASE_URL=postgres://…` opens
// PostgreSQL, otherwise the SQLite file in the data folder (the embedded default of `npm start`).
import path from 'node:path';
import { openPostgresStore } from './postgres/postgres-store';
import { openSqliteStore } from './sqlite/sqlite-store';
import type { Store } from './store';

export type StoreConfig = {
  /** A `postgres://` or `postgresql://` address; absent: SQLite in `dataDir`. */
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Connections each server process keeps to PostgreSQL. */
  poolSize?: number | undefined;
};

/** The SQLite file inside the data folder. */
export function databasePath(dataDir: string): string {
  return path.join(dataDir, 'jigi.sqlite');
}

export async function openStore(config: StoreConfig): Promise<Store> {
  if (config.databaseUrl !== undefined) {
    return openPostgresStore(config.databaseUrl, { poolSize: config.poolSize ?? 10 });
  }
  return openSqliteStore(databasePath(config.dataDir));
}
