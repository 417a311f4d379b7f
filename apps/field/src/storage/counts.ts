import { db } from './db';
import type { SyncStatus } from './types';

// Counters the shell shows at all times. Kept apart from records.ts so that the app shell does not
// load the domain and sync packages (they come with the first form, precached).

/** What the status bar shows: records not yet accepted by the server, and open drafts. */
export async function localCounts(
  agentId: string,
): Promise<{ unsynced: number; drafts: number; toCorrect: number }> {
  const d = db();
  // Counted on index keys only: the status bar re-runs this on every write, and loading every record
  // of the agent made each autosave and pulled page slower as the store filled.
  const withStatus = (status: SyncStatus) =>
    d.records.where('[agentId+syncStatus]').equals([agentId, status]).count();
  const [finalised, rejected, returned, drafts] = await Promise.all([
    withStatus('finalised'),
    withStatus('rejected'),
    withStatus('returned'),
    d.drafts.where('agentId').equals(agentId).count(),
  ]);
  return { unsynced: finalised + rejected, drafts, toCorrect: returned + rejected };
}
