import { useDatabase, type JigiDb } from '../../storage/db';
import { schemaVersions } from '../../storage/schema';

// Until schema v3 (the `syncBatches` table) lands in storage/schema.ts, tests declare it on the
// instance; once it is there this adds nothing.
export function useSyncDatabase(name: string): JigiDb {
  const d = useDatabase(name);
  if (!schemaVersions.some((v) => 'syncBatches' in v.stores)) d.version(schemaVersions.length + 1).stores({ syncBatches: 'batchId, userId, firstMutationId' });
  return d;
}

let n = 0;
export function freshSyncDb(): JigiDb {
  n += 1;
  return useSyncDatabase(`sync-test-${Date.now()}-${n}-${Math.random().toString(36).slice(2)}`);
}
