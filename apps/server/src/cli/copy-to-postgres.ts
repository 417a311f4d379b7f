// `DATA_DIR=… DATABASE_URL=postgres://… tsx src/cli/copy-to-postgres.ts`, with the server stopped:
// copies the SQLite deployment of DATA_DIR into the empty PostgreSQL database of DATABASE_URL, checks
// every table's row count and content hash, and says what tablets will see (they continue: same
// epoch, same sequences, same mutation ids). Then start the server with DATABASE_URL set.
import { databasePath, loadConfig } from '../config';
import { copySqliteToPostgres } from '../storage/copy-to-postgres';

const loaded = loadConfig(process.env);
if (!loaded.ok || loaded.config.databaseUrl === undefined) {
  process.stderr.write(
    `${loaded.ok ? 'Usage : DATA_DIR=<dossier SQLite> DATABASE_URL=postgres://… copy-to-postgres.ts (serveur arrêté)' : loaded.message}\n`,
  );
  process.exit(1);
}
try {
  const report = await copySqliteToPostgres(
    databasePath(loaded.config.dataDir),
    loaded.config.databaseUrl,
  );
  for (const t of report.tables)
    process.stdout.write(
      `  ${t.matches ? 'ok ' : 'DIFFÉRENT'} ${t.table.padEnd(24)} ${String(t.rows).padStart(8)} lignes  ${t.hash.slice(0, 16)}\n`,
    );
  if (!report.ok) {
    process.stderr.write(
      'La copie ne correspond pas à la source : ne démarrez pas sur PostgreSQL.\n',
    );
    process.exit(1);
  }
  process.stdout.write(
    `Copie vérifiée (époque ${report.epoch}, séquence ${report.lastSeq}). Les tablettes continuent sans resynchroniser : mêmes curseurs, mêmes numéros de modification.\n`,
  );
} catch (e: unknown) {
  process.stderr.write(`Copie refusée : ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
