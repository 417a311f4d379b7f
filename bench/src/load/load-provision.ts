import { randomBytes } from 'node:crypto';
import { generatedVillages } from '@jigi/testkit';
import { hashToken } from '../../../apps/server/src/services/passwords';
import { saveVillage } from '../../../apps/server/src/services/reference';
import { seedDemo } from '../../../apps/server/src/services/seed-demo';
import type { Store } from '../../../apps/server/src/storage/store';

/** One simulated tablet of the load run: its enumerator, whose zone is its one village. */
export interface LoadDevice {
  deviceId: string;
  token: string;
  userId: string;
  villageId: string;
}

/** `count` tablets with their tokens: made once per run, provisioned into every configuration's store. */
export function loadDevices(count: number): LoadDevice[] {
  return Array.from({ length: count }, (_, i) => {
    const n = String(i + 1).padStart(3, '0');
    return {
      deviceId: `load-device-${n}`,
      token: `jd_${randomBytes(24).toString('base64url')}`,
      userId: `user-load-${n}`,
      villageId: `village-load-${n}`,
    };
  });
}

/**
 * Fills an empty store, SQLite or PostgreSQL alike, through the store API and the server's own
 * services: the demo seed (settings, accounts, reference data), testkit's villages, then one
 * enumerator per device, each with its tablet and one village of its own in one of testkit's
 * communes — as a census deploys them, so every push is checked against a one-village scope. Users
 * and devices are inserted as registration would (no scrypt login, no rate limit).
 */
export async function provisionLoadStore(
  store: Store,
  devices: readonly LoadDevice[],
): Promise<void> {
  const at = new Date().toISOString();
  const deps = { store, now: () => new Date(), newId: () => 'unused', newSecret: () => 'unused' };
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
        reportedUnsynced: null,
      });
    }
  });
}
