// `tsx src/cli/import-export.ts <file.json.gz>`: imports a tablet's export file into DATA_DIR (or DATABASE_URL) through
// the same service as POST /api/admin/imports (idempotent: a second run changes nothing). For an
// operator at the server when no admin browser is at hand; safe while the server runs (WAL, one
// transaction). Prints the summary; exits 1 with the error code and message when the file is refused.
import fs from 'node:fs';
import { loadConfig } from '../config';
import { AppError } from '../errors/app-error';
import { systemClock, systemId, systemSecret } from '../services/deps';
import {
  IMPORT_MAX_FILE_BYTES,
  importExportFile,
  type ImportSummary,
} from '../services/export-import';
import { openStore } from '../storage/open-store';

const loaded = loadConfig(process.env);
const file = process.argv[2];
if (!loaded.ok || file === undefined) {
  process.stderr.write(
    `${loaded.ok ? 'Usage : import-export.ts <fichier jigi-export-….json.gz>' : loaded.message}\n`,
  );
  process.exit(1);
}

function describe(summary: ImportSummary): string {
  const outcomes = Object.entries(summary.outcomes)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  const rejections = Object.entries(summary.rejections)
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
  return [
    `Import de la tablette ${summary.deviceId} (utilisateur ${summary.userId}, export du ${summary.exportedAt}) :`,
    `  ${summary.pushes} lot(s), ${summary.mutations} modification(s) : ${outcomes}${rejections === '' ? '' : ` (refus : ${rejections})`}`,
    `  lots créés : ${summary.batches.length === 0 ? 'aucun (déjà importé ou synchronisé)' : summary.batches.join(', ')}`,
  ].join('\n');
}

const store = await openStore(loaded.config);
try {
  if (fs.statSync(file).size > IMPORT_MAX_FILE_BYTES)
    throw new AppError('body_too_large', { details: { limitBytes: IMPORT_MAX_FILE_BYTES } });
  const summary = await importExportFile(
    { store, now: systemClock, newId: systemId, newSecret: systemSecret },
    fs.readFileSync(file),
    null,
  );
  process.stdout.write(`${describe(summary)}\n`);
} catch (e: unknown) {
  const reason =
    e instanceof AppError ? `${e.code} — ${e.message}` : e instanceof Error ? e.message : String(e);
  process.stderr.write(`Import refusé : ${reason}\n`);
  process.exitCode = 1;
} finally {
  await store.close();
}
