import { randomBytes } from 'node:crypto';
import { generatedVillages } from '@jigi/testkit';
import { hashToken } from '../../../apps/server/src/services/passwords';
import { saveVillage } from '../../../apps/server/src/services/reference';
import { openSqliteStore } from '../../../apps/server/src/storage/sqlite/sqlite-store';
import { provisionDataDir, type DataDir } from '../../../reliability/src/support/provision';

/** One simulated tablet of the load run: its enumerator, whose zone is its one village. */
export interface LoadDevice {
  deviceId: string;
  token: string;
  userId: string;
  villageId: string;
}

/**
 * A data folder for the load run: the reliability template (demo seed, settings, testkit's
 * villages) plus `count` enumerators, each with one tablet and one village of its own in one of
 * testkit's communes — as a census deploys them, so every push is checked against a one-village
 * scope. Users and devices are inserted as registration would (no scrypt login, no rate limit).
 */
export async function provisionLoad(
  count: number,
): Promise<{ data: DataDir; devices: LoadDevice[] }> {
  const data = await provisionDataDir(0, 'bench-load');
  const at = new Date().toISOString();
  const devices: LoadDevice[] = Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return {
      deviceId: `load-device-${n}`,
      token: `jd_${randomBytes(24).toString('base64url')}`,
      userId: `user-load-${n}`,
      villageId: `village-load-${n}`,
    };
  });
  const store = openSqliteStore(data.file);
  const deps = { store, now: () => new Date(), newId: () => 'unused', newSecret: () => 'unused' };
  try {
    await store.write(async (tx) => {
      for (const [i, device] of devices.entries()) {
        const n = String(i + 1).padStart(3, '0');
        const commune = generatedVillages[i % generatedVillages.length];
        if (!commune) throw new Error('testkit has no villages');
        await saveVillage(
          tx,
          deps,
          {
            id: device.villageId,
            name: `${commune.name} ${n}`,
            communeCode: commune.communeCode,
            demo: true,
            pnp: false,
            quota: 100_000,
          },
          null,
        );
        await tx.accounts.insertUser({
          id: device.userId,
          login: `load.${n}`,
          name: `Enquêteur ${n}`,
          role: 'enumerator',
          active: true,
          zones: [device.villageId],
          passwordHash: 'disabled',
          createdAt: at,
        });
        await tx.accounts.insertDevice({
          id: device.deviceId,
          userId: device.userId,
          label: `Tablette ${n}`,
          tokenHash: hashToken(device.token),
          createdAt: at,
          revokedAt: null,
          lastMutationId: 0,
          lastSeenAt: at,
        });
      }
    });
  } finally {
    await store.close();
  }
  return { data, devices };
}
