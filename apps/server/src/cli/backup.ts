// `tsx src/cli/backup.ts [target]`: online backup of DATA_DIR's database while the server runs
// (default target: DATA_DIR/backups/jigi-<UTC time>.sqlite). Prints the file and its check.
import path from 'node:path';
import { databasePath, loadConfig } from '../config';
import { backupDatabase, checkDatabase } from '../storage/sqlite/backup';

const loaded = loadConfig(process.env);
if (loaded.ok && loaded.config.databaseUrl !== undefined) {
  process.stderr.write(
    'DATABASE_URL est défini : sauvegardez PostgreSQL avec pg_dump et restaurez avec pg_restore puis rotate-epoch (apps/server/README.md, « Sauvegarde sur PostgreSQL »).\n',
  );
  process.exit(1);
}
if (!loaded.ok) {
  process.stderr.write(`${loaded.message}\n`);
  process.exit(1);
}
const { dataDir } = loaded.config;
const stamp = new Date().toISOString().replace(/[:.]/g, '-');
const target = path.resolve(
  process.argv[2] ?? path.join(dataDir, 'backups', `jigi-${stamp}.sqlite`),
);
try {
  await backupDatabase(databasePath(dataDir), target);
  const check = checkDatabase(target);
  if (!check.ok) throw new Error('la copie ne passe pas le contrôle d’intégrité');
  process.stdout.write(
    `Sauvegarde écrite : ${target} (schéma v${check.userVersion}, ${check.records} fiches, intégrité ok)\n`,
  );
} catch (e: unknown) {
  process.stderr.write(`Échec de la sauvegarde : ${e instanceof Error ? e.message : String(e)}\n`);
  process.exit(1);
}
