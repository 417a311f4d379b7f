// `tsx src/cli/rotate-epoch.ts`: gives the database a new epoch. Run it after `pg_restore` (or any
// restore done outside restore.ts): tablets' pull cursors of the old epoch then answer 410, and each
// tablet walks everything again and re-sends what the restored database does not hold.
import { loadConfig } from '../config';
import { openStore } from '../storage/open-store';
import { newEpoch } from '../storage/epoch';

const loaded = loadConfig(process.env);
if (!loaded.ok) {
  process.stderr.write(`${loaded.message}\n`);
  process.exit(1);
}
const store = await openStore(loaded.config);
try {
  const epoch = newEpoch();
  await store.write((tx) => tx.meta.rotateEpoch(epoch));
  process.stdout.write(`Nouvelle époque : ${epoch} (les tablettes resynchronisent)\n`);
} finally {
  await store.close();
}
