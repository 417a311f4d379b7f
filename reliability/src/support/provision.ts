import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { generatedVillages } from '@jigi/testkit';
import { hashToken } from '../../../apps/server/src/services/passwords';
import { saveVillage } from '../../../apps/server/src/services/reference';
import { seedDemo } from '../../../apps/server/src/services/seed-demo';
import { openSqliteStore } from '../../../apps/server/src/storage/sqlite/sqlite-store';
import { processTempDir } from './temp-dirs';

/** The enumerator whose tablets push the generated households (zones: every generated village). */
export const RELIABILITY_USER = 'user-rel-enq';

export type ProvisionedDevice = { deviceId: string; token: string };
export type DataDir = { dir: string; file: string; devices: ProvisionedDevice[]; remove(): void };

// Seeding hashes the demo passwords with scrypt (slow on purpose): once per test process, then a
// copy of the file per server, as the server's own harness does.
let template: Promise<string> | undefined;
function templateFile(): Promise<string> {
  template ??= (async () => {
    const dir = processTempDir('template');
    const file = path.join(dir, 'jigi.sqlite');
    const store = openSqliteStore(file);
    const deps = { store, now: () => new Date(), newId: () => 'unused', newSecret: () => 'unused' };
    try {
      await seedDemo(deps);
      await store.write(async (tx) => {
        for (const v of generatedVillages)
          await saveVillage(
            tx,
            deps,
            {
              id: v.id,
              name: v.name,
              communeCode: v.communeCode,
              demo: true,
              pnp: false,
              quota: 100_000,
            },
            null,
          );
        await tx.accounts.insertUser({
          id: RELIABILITY_USER,
          login: 'rel.enq',
          name: 'Enquêteur fiabilité',
          role: 'enumerator',
          active: true,
          zones: generatedVillages.map((v) => v.id),
          passwordHash: 'disabled',
          createdAt: new Date().toISOString(),
        });
      });
    } finally {
      await store.close();
    }
    return file;
  })();
  return template;
}

/**
 * A fresh data folder for a server: the demo seed, the villages of `generateHouseholds`, and
 * `devices` tablets of the reliability enumerator with known tokens (inserted as
 * `POST /api/auth/device` would, so that 200 tablets do not meet the registration rate limit).
 */
export async function provisionDataDir(devices: number, label = 'rel'): Promise<DataDir> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `jigi-${label}-`));
  const file = path.join(dir, 'jigi.sqlite');
  fs.copyFileSync(await templateFile(), file);
  const out: ProvisionedDevice[] = Array.from({ length: devices }, (_, i) => ({
    deviceId: `rel-device-${String(i + 1).padStart(3, '0')}`,
    token: `jd_${randomBytes(24).toString('base64url')}`,
  }));
  const at = new Date().toISOString();
  const store = openSqliteStore(file);
  try {
    await store.write(async (tx) => {
      for (const [i, { deviceId, token }] of out.entries())
        await tx.accounts.insertDevice({
          id: deviceId,
          userId: RELIABILITY_USER,
          label: `Tablette ${i + 1}`,
          tokenHash: hashToken(token),
          createdAt: at,
          revokedAt: null,
          lastMutationId: 0,
          lastSeenAt: at,
        });
    });
  } finally {
    await store.close();
  }
  return {
    dir,
    file,
    devices: out,
    remove: () => {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
