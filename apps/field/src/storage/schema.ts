/**
 * The tablet's IndexedDB schema, one entry per version. Only add versions, never edit a shipped one:
 * a tablet in the field may skip several app updates, and Dexie replays each upgrade in order.
 * Every version > 1 has a test (schema.test.ts, sync-schema-v3.test.ts) that opens a database at the previous shape, fills
 * it, and upgrades it.
 *
 * History (one line per version):
 *   v1 — users, syncState, drafts, records, outbox, receipts, tasks, villages, beneficiaryHouseholds,
 *        microprojects, settings, meta.
 *   v2 — records and drafts indexed by [agentId+type] (every list screen reads by user and workflow);
 *        rows get `searchText` (accent-folded names): '' from the upgrade, computed when first listed
 *        (the fold lives in the domain package, which the app shell does not load).
 *   v3 — syncBatches: frozen push bodies of the sync engine (test in sync-schema-v3.test.ts).
 *        No upgrade: the first sync's in-flight mutations get their batch at the next freeze.
 *   v4 — records indexed by [agentId+syncStatus]: the status bar counts unsent and to-correct records
 *        on every write, and reading every record of the agent to count them grew with the store.
 *        No upgrade: Dexie builds the index from existing rows.
 *   v5 — at-rest encryption (docs/tablet-security.md): userKeys (each user's wrapped data key and share
 *        copy); syncBatches indexed by [userId+exportedAt] so that the leave check reads index keys
 *        only (a locked user's rows cannot be read). The upgrade names, in meta `plaintextOwners`,
 *        the users whose rows were written in clear; each one's rows are sealed at their next unlock
 *        (legacy-sealing.ts, resumable), since no data key is open while an upgrade runs.
 */
import type { Transaction } from 'dexie';

export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}

// Literal names rather than imports: this file is loaded by the app shell before anything else.
const OWNER_FIELD_BEFORE_V5: Record<string, string> = {
  records: 'agentId',
  drafts: 'agentId',
  outbox: 'userId',
  receipts: 'userId',
  tasks: 'userId',
  syncBatches: 'userId',
  syncState: 'userId',
};

export const schemaVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      users: 'id, login',
      syncState: 'userId',
      drafts: 'id, type, agentId, updatedAt',
      records: 'id, type, agentId, villageId, syncStatus, updatedAt',
      outbox: '++seq, recordId, state, userId, [userId+state], batchId',
      receipts: '++id, userId, at',
      tasks: 'id, recordId, userId',
      villages: 'id, communeCode',
      beneficiaryHouseholds: 'id, villageId',
      microprojects: 'projectId, *villageIds',
      settings: 'id',
      meta: 'key',
    },
  },
  {
    version: 2,
    stores: {
      drafts: 'id, type, agentId, updatedAt, [agentId+type]',
      records: 'id, type, agentId, villageId, syncStatus, updatedAt, [agentId+type]',
    },
    async upgrade(tx) {
      // Older rows had no `searchText`; '' means « not folded yet » (records.ts folds it on read).
      for (const table of ['drafts', 'records']) {
        await tx
          .table(table)
          .toCollection()
          .modify((row: { searchText?: string }) => {
            row.searchText ??= '';
          });
      }
    },
  },
  {
    version: 3,
    stores: {
      syncBatches: 'batchId, userId, firstMutationId',
    },
  },
  {
    version: 4,
    stores: {
      records:
        'id, type, agentId, villageId, syncStatus, updatedAt, [agentId+type], [agentId+syncStatus]',
    },
  },
  {
    version: 5,
    stores: {
      userKeys: 'userId',
      syncBatches: 'batchId, userId, firstMutationId, [userId+exportedAt]',
    },
    async upgrade(tx) {
      const owners = new Set<string>();
      for (const [table, field] of Object.entries(OWNER_FIELD_BEFORE_V5)) {
        const keys = await tx.table(table).orderBy(field).uniqueKeys();
        for (const k of keys) if (typeof k === 'string') owners.add(k);
      }
      if (owners.size > 0)
        await tx.table('meta').put({ key: 'plaintextOwners', value: [...owners].sort() });
    },
  },
];

export const LATEST_SCHEMA_VERSION = schemaVersions.length;
