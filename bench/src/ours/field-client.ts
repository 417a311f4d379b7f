import { holdDataKey } from '../../../apps/field/src/storage/crypto/keyring';
import { JigiDb, useDatabaseInstance } from '../../../apps/field/src/storage/db';
import { countOutbox } from '../../../apps/field/src/storage/outbox';
import { finaliseRecord } from '../../../apps/field/src/storage/records';
import { saveRegistration } from '../../../apps/field/src/storage/sync-state';
import type { AnyRecord } from '../../../apps/field/src/storage/types';
import { upsertUser } from '../../../apps/field/src/storage/users';
import { SyncEngine } from '../../../apps/field/src/sync/sync-engine';
import { inMemoryLockManager, webLocks } from '../../../apps/field/src/sync/sync-lock';
import type { Transport } from '../../../apps/field/src/sync/transport';
import type { BenchRecord } from '../sync-peer';

/**
 * One tablet of our peer: its own IndexedDB database (fake-indexeddb; needs `fake-indexeddb/auto`
 * loaded first) and the field app's sync engine. The app's storage functions act on one current
 * database, so every method makes this tablet's current first; the runner never drives two at once.
 */
export interface FieldClient {
  readonly engine: SyncEngine;
  /** Mutable: pointing it at a faulty link reroutes the next request. */
  readonly transport: Transport;
  /** Each record as the forms finalise it: record + outbox `create` in one transaction. */
  finaliseAll(records: readonly BenchRecord[]): Promise<void>;
  /** One sync (push then pull); a failed one throws, for the caller to start again. */
  syncOnce(): Promise<void>;
  /** Syncs until nothing is left in the outbox. */
  syncUntilEmpty(): Promise<void>;
  records(): Promise<BenchRecord[]>;
  pending(): Promise<number>;
  close(): void;
}

// Records finalised per IndexedDB transaction when loading client A: each still goes through
// `finaliseRecord` (its own nested transaction), grouping only spares fake-indexeddb a commit each.
const FINALISE_GROUP = 500;

const dataKeys = new Map<string, Promise<CryptoKey>>();
function dataKeyOf(userId: string): Promise<CryptoKey> {
  let key = dataKeys.get(userId);
  if (key === undefined) {
    key = crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, [
      'encrypt',
      'decrypt',
    ]);
    dataKeys.set(userId, key);
  }
  return key;
}

export async function fieldClient(input: {
  name: string;
  userId: string;
  device: { deviceId: string; token: string };
  baseUrl: string;
}): Promise<FieldClient> {
  const { userId } = input;
  const database = new JigiDb(input.name);
  await database.open();
  const use = (): JigiDb => {
    useDatabaseInstance(database);
    return database;
  };
  const check = <T>(
    what: string,
    result: { ok: true; value: T } | { ok: false; error: { kind: string; detail: string } },
  ): T => {
    if (!result.ok)
      throw new Error(
        `${input.name}: ${what} failed: ${result.error.kind}: ${result.error.detail}`,
      );
    return result.value;
  };
  use();
  // The user is unlocked as after a PIN: a random data key held in memory, so every row is sealed at
  // rest as on a tablet and the figures include the encryption's cost. The keyring is one per
  // process and keyed by user, so the benchmark's tablets of one user share that user's key.
  holdDataKey(userId, await dataKeyOf(userId));
  check(
    'user',
    await upsertUser({
      id: userId,
      login: 'rel.enq',
      name: 'Enquêteur banc d’essai',
      role: 'enumerator',
      zones: [],
    }),
  );
  check('registration', await saveRegistration(userId, input.device.deviceId, input.device.token));
  const transport: Transport = {
    baseUrl: input.baseUrl,
    fetch: (...args) => fetch(...args),
    now: () => Date.now(),
  };
  // Retries within a sync start at once (no pause), as the benchmark restarts every peer at once.
  const engine = new SyncEngine({
    userId,
    transport,
    lock: webLocks(inMemoryLockManager()),
    sleep: () => Promise.resolve(),
    limits: { retryPauseMs: 0 },
  });
  const pending = async (): Promise<number> => {
    use();
    return countOutbox(userId);
  };
  const syncOnce = async (): Promise<void> => {
    use();
    const outcome = await engine.sync('manual');
    if (!outcome.ok)
      throw new Error(
        `${input.name}: sync failed: ${outcome.busy ? 'busy' : `${outcome.error.kind}: ${outcome.error.message}`}`,
      );
  };
  return {
    engine,
    transport,
    async finaliseAll(records) {
      const d = use();
      const now = new Date().toISOString();
      for (let i = 0; i < records.length; i += FINALISE_GROUP) {
        await d.transaction('rw', [d.records, d.outbox, d.drafts, d.tasks], async () => {
          for (const record of records.slice(i, i + FINALISE_GROUP))
            check(
              'finalise',
              await finaliseRecord({
                record: record as unknown as AnyRecord,
                agentId: userId,
                now,
              }),
            );
        });
      }
    },
    syncOnce,
    async syncUntilEmpty() {
      do await syncOnce();
      while ((await pending()) > 0);
    },
    async records() {
      const rows = await use().records.toArray();
      return rows.map((row) => row.record as unknown as BenchRecord);
    },
    pending,
    close() {
      database.close();
    },
  };
}
