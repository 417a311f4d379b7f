import { db } from './db';

// Counters the shell shows at all times. Kept apart from records.ts so that the app shell does not
// load the domain and sync packages (they come with the first form, precached).

/** What the status bar shows: records not yet accepted by the server, and open drafts. */
export async function localCounts(agentId: string): Promise<{ unsynced: number; drafts: number; toCorrect: number }> {
  const d = db();
  const rows = await d.records.where('agentId').equals(agentId).toArray();
  let unsynced = 0;
  let toCorrect = 0;
  for (const r of rows) {
    if (r.syncStatus === 'finalised' || r.syncStatus === 'rejected') unsynced++;
    if (r.syncStatus === 'returned' || r.syncStatus === 'rejected') toCorrect++;
  }
  const drafts = await d.drafts.where('agentId').equals(agentId).count();
  return { unsynced, drafts, toCorrect };
}
