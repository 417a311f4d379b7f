// `tsx src/cli/seed.ts`: creates the README's demo (idempotent) in DATA_DIR (or DATABASE_URL) and prints the logins.
import { loadConfig } from '../config';
import { DEMO_PASSWORD, demoUsers, seedDemo } from '../services/seed-demo';
import { systemClock, systemId, systemSecret } from '../services/deps';
import { openStore } from '../storage/open-store';

const loaded = loadConfig(process.env);
if (!loaded.ok) {
  process.stderr.write(`${loaded.message}\n`);
  process.exit(1);
}
const store = await openStore(loaded.config);
try {
  const result = await seedDemo({
    store,
    now: systemClock,
    newId: systemId,
    newSecret: systemSecret,
  });
  const lines = [
    `Démo prête dans ${loaded.config.dataDir} (${result.usersCreated.length} comptes créés, ${result.referenceCreated} données de référence créées).`,
    `Comptes de démonstration (mot de passe : ${DEMO_PASSWORD}) :`,
    ...demoUsers.map(
      (u) =>
        `  ${u.login.padEnd(14)} ${u.role.padEnd(12)} ${u.zones.length === 0 ? 'toutes zones' : u.zones.join(', ')}`,
    ),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
} finally {
  await store.close();
}
