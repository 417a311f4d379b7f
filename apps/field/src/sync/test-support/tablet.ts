import { deviceRegistrationResponseSchema } from '@jigi/sync';
import { db, useDatabase, type JigiDb } from '../../storage/db';
import { saveRegistration } from '../../storage/sync-state';
import { useFallbackKeys } from '../../storage/crypto/keyring';
import { enrolUser } from '../../storage/user-keys';
import { testKeys } from '../../test-support/db';
import { fetchKeyShare } from '../key-share';
import { upsertUser } from '../../storage/users';
import { SyncEngine, type EngineOptions } from '../sync-engine';
import { inMemoryLockManager, webLocks, type SyncLock } from '../sync-lock';
import type { Transport } from '../transport';
import { DEMO_PASSWORD } from './real-server';

// A "tablet" for the sync tests: its own IndexedDB database (fake-indexeddb), a device registered on
// the real server, and a sync engine pointed at a URL (usually the faulty link in front of the server).
// Storage functions use one current database, so a test with several tablets switches with `use()`
// before acting as one of them; engines never run concurrently across tablets in these tests.

let n = 0;

export interface Tablet {
  name: string;
  database: JigiDb;
  userId: string;
  deviceId: string;
  engine: SyncEngine;
  /** Makes this tablet's database the one the storage functions use. */
  use(): JigiDb;
  /** A second tab on the same database (same device, same outbox). */
  newTab(options?: Partial<EngineOptions>): SyncEngine;
}

export async function registerTablet(input: {
  serverUrl: string;
  linkUrl: string;
  login: string;
  clock?: () => number;
  lock?: SyncLock;
  engine?: Partial<EngineOptions>;
  /**
   * The user enrols as in the app: a real data key wrapped under this PIN and, unless `withoutShare`
   * (a tablet upgraded offline), the server's share; no test key.
   */
  realKeys?: { pin: string; withoutShare?: boolean };
}): Promise<Tablet> {
  n += 1;
  const name = `tablet-${n}-${Math.random().toString(36).slice(2)}`;
  // Each tablet's user holds a data key, as after an unlock: their rows are sealed as in the app.
  if (input.realKeys) useFallbackKeys(undefined);
  else testKeys();
  const database = useDatabase(name);
  await database.open();
  const res = await fetch(`${input.serverUrl}/api/auth/device`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({
      login: input.login,
      password: DEMO_PASSWORD,
      deviceLabel: name.slice(0, 40),
    }),
  });
  if (!res.ok) throw new Error(`registration failed: ${res.status} ${await res.text()}`);
  const reg = deviceRegistrationResponseSchema.parse(await res.json());
  const saved = await upsertUser({
    id: reg.user.id,
    login: input.login,
    name: reg.user.name,
    role: reg.user.role,
    zones: reg.user.zones,
  });
  if (!saved.ok) throw new Error(saved.error.detail);
  const transport: Transport = {
    baseUrl: input.linkUrl,
    fetch: (...args) => fetch(...args),
    now: input.clock ?? (() => Date.now()),
  };
  if (input.realKeys) {
    const keyId = crypto.randomUUID();
    let share: Uint8Array<ArrayBuffer> | null = null;
    if (!input.realKeys.withoutShare) {
      const got = await fetchKeyShare(transport, reg.deviceToken, keyId);
      if (!got.ok) throw new Error(`key share: ${got.error.message}`);
      share = got.share;
    }
    const enrolled = await enrolUser({
      userId: reg.user.id,
      pin: input.realKeys.pin,
      share,
      keyId,
      iterations: 1000,
    });
    if (!enrolled.ok) throw new Error(enrolled.error.detail);
  }
  const regSaved = await saveRegistration(reg.user.id, reg.deviceId, reg.deviceToken);
  if (!regSaved.ok) throw new Error(regSaved.error.detail);
  const lock = input.lock ?? webLocks(inMemoryLockManager());
  const make = (options: Partial<EngineOptions> = {}) =>
    new SyncEngine({
      userId: reg.user.id,
      transport,
      lock,
      sleep: () => Promise.resolve(),
      limits: { retryPauseMs: 0 },
      ...input.engine,
      ...options,
    });
  const tablet: Tablet = {
    name,
    database,
    userId: reg.user.id,
    deviceId: reg.deviceId,
    engine: make(),
    use() {
      if (db() !== database) {
        // useDatabase closes the current one; reopen by name keeps the data (fake-indexeddb is in memory per name).
        const reopened = useDatabase(name);
        tablet.database = reopened;
        return reopened;
      }
      return database;
    },
    newTab: make,
  };
  return tablet;
}
