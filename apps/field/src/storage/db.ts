import Dexie, { type EntityTable, type Table } from 'dexie';
import type {
  BeneficiaryHousehold,
  HimoMicroproject,
  ProgramSettings,
  Village,
} from '@jigi/domain';
import { encryptionMiddleware } from './crypto/encryption-middleware';
import { schemaVersions } from './schema';
import type {
  DraftRow,
  MetaRow,
  OutboxRow,
  ReceiptRow,
  RecordRow,
  SyncStateRow,
  TaskRow,
  UserKeysRow,
  UserRow,
} from './types';

export const DB_NAME = 'jigi-collect';

/** The first schema version whose app seals each user's rows. */
const ENCRYPTED_FROM = 5;

export type SettingsRow = { id: 'program' } & ProgramSettings;

export class JigiDb extends Dexie {
  users!: EntityTable<UserRow, 'id'>;
  syncState!: EntityTable<SyncStateRow, 'userId'>;
  drafts!: EntityTable<DraftRow, 'id'>;
  records!: EntityTable<RecordRow, 'id'>;
  outbox!: EntityTable<OutboxRow, 'seq'>;
  receipts!: EntityTable<ReceiptRow, 'id'>;
  tasks!: EntityTable<TaskRow, 'id'>;
  villages!: EntityTable<Village, 'id'>;
  beneficiaryHouseholds!: EntityTable<BeneficiaryHousehold, 'id'>;
  microprojects!: EntityTable<HimoMicroproject, 'projectId'>;
  settings!: Table<SettingsRow, string>;
  meta!: EntityTable<MetaRow, 'key'>;
  userKeys!: EntityTable<UserKeysRow, 'userId'>;

  /** `upTo` opens an older shape: only tests of the upgrades use it. */
  constructor(name: string = DB_NAME, upTo: number = schemaVersions.length) {
    super(name);
    for (const v of schemaVersions.slice(0, upTo)) {
      const version = this.version(v.version).stores(v.stores);
      if (v.upgrade) version.upgrade(v.upgrade);
    }
    // Every user's own rows are sealed on disk and readable only while their key is held
    // (crypto/encryption-middleware.ts, docs/tablet-security.md). An older shape is the app before
    // encryption: upgrade tests write its rows in clear, as that app did.
    if (upTo >= ENCRYPTED_FROM) this.use(encryptionMiddleware);
  }
}

let current: JigiDb | undefined;

/** The app's database (one per page). Tests call `useDatabase` with a fresh name. */
export function db(): JigiDb {
  current ??= new JigiDb();
  return current;
}

/** Replaces the database the storage functions use (tests; one fresh name per test). */
export function useDatabase(name: string): JigiDb {
  current?.close();
  current = new JigiDb(name);
  return current;
}

/** Makes an already-open database the one storage functions use (upgrade tests). */
export function useDatabaseInstance(instance: JigiDb): void {
  current = instance;
}
