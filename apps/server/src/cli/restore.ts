// `tsx src/cli/restore.ts <backup file>` with the server stopped: puts the backup in DATA_DIR and
// starts a new epoch, so every tablet resyncs (its pull cursor answers 410) instead of missing data.
import { databasePath, loadConfig } from '../config';
import { restoreDatabase } from '../storage/sqlite/backup';

const loaded = loadConfig(process.env);
if (loaded.ok && loaded.config.databaseUrl !== undefined) {
  process.stderr.write(
    'DATABASE_URL est défini : sauvegardez PostgreSQL avec pg_dump et restaurez avec pg_restore puis rotate-epoch (apps/server/README.md, « Sauvegarde sur PostgreSQL »).\n',
  );
  process.exit(1);
}
const backup = process.argv[2];
if (!loaded.ok || backup === undefined) {
  process.stderr.write(
    `${loaded.ok ? 'Usage : restore.ts <fichier de sauvegarde>' : loaded.message}\n`,
  );
  process.exit(1);
}
const { epoch } = restoreDatabase(backup, databasePath(loaded.config.dataDir));
process.stdout.write(
  `Restauration faite ; nouvelle époque ${epoch} : les tablettes vont se resynchroniser.\n`,
);
