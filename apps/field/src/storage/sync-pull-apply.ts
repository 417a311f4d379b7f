import {
  planPullPage,
  planRequeueLost,
  pullPageRecordIds,
  requeueCandidates,
  type PullChange,
  type PullPagePlan,
  type PullPageResult,
} from '@jigi/sync';
import { db, type JigiDb } from './db';
import { attempt, type StorageResult } from './errors';
import { searchTextOf } from './search-text';
import { syncRecords, type SyncRecordRow } from './sync-types';
import type { DraftRow, OutboxRow } from './types';

export type { PullPageResult };

/**
 * Applies one pulled page AND its cursor in one transaction: a drop mid-page re-pulls the same page,
 * and a page is never half stored. `planPullPage` decides every write (a pending local edit is never
 * overwritten: it is replayed on the new server version; an open draft is rebased; a restore queues
 * again what the server lost); this reads the page's records, their outbox rows and drafts in bulk
 * and writes the plan with one bulk operation per table.
 */
export function applyPullPage(input: {
  userId: string;
  changes: readonly PullChange[];
  nextCursor: string;
  now: string;
  restore?: boolean;
}): Promise<StorageResult<PullPageResult>> {
  const d = db();
  const { userId, now } = input;
  return attempt(() =>
    d.transaction(
      'rw',
      [
        d.villages,
        d.beneficiaryHouseholds,
        d.microprojects,
        d.settings,
        d.records,
        d.drafts,
        d.tasks,
        d.outbox,
        d.syncState,
      ],
      async () => {
        const plan = planPullPage({
          userId,
          changes: input.changes,
          now,
          restore: input.restore,
          ...(await readPage(d, pullPageRecordIds(input.changes))),
          fold: searchTextOf,
        });
        await writePage(d, plan);
        await d.syncState.update(userId, { pullCursor: input.nextCursor, lastPullAt: now });
        return plan.result;
      },
    ),
  );
}

/** The page's records, their outbox rows and their drafts, in bulk. */
async function readPage(d: JigiDb, ids: readonly string[]) {
  const loaded = await syncRecords(d).bulkGet([...ids]);
  const records = new Map<string, SyncRecordRow>();
  for (const row of loaded) if (row) records.set(row.id, row);
  const outboxOf = new Map<string, OutboxRow[]>();
  // An empty outbox (a fresh tablet, or one that has just pushed everything) needs no per-record look.
  if ((await d.outbox.count()) > 0) {
    const rows = await Promise.all(
      ids.map((id) => d.outbox.where('recordId').equals(id).toArray()),
    );
    ids.forEach((id, i) => {
      const own = rows[i] ?? [];
      if (own.length > 0) outboxOf.set(id, own);
    });
  }
  const withLocal = [...records.keys()];
  const draftOf = new Map<string, DraftRow>();
  for (const draft of withLocal.length > 0 ? await d.drafts.bulkGet(withLocal) : [])
    if (draft) draftOf.set(draft.id, draft);
  return { records, outboxOf, draftOf };
}

async function writePage(d: JigiDb, plan: PullPagePlan): Promise<void> {
  if (plan.addOutbox.length > 0) await d.outbox.bulkAdd(plan.addOutbox);
  if (plan.putOutbox.length > 0) await d.outbox.bulkPut(plan.putOutbox);
  for (const draft of plan.drafts)
    await d.drafts.update(draft.id, { record: draft.record, searchText: draft.searchText });
  await putOrDelete(d.tasks, plan.tasks);
  if (plan.deleteRecords.length > 0) await syncRecords(d).bulkDelete(plan.deleteRecords);
  if (plan.putRecords.length > 0) await syncRecords(d).bulkPut(plan.putRecords);
  const { villages, beneficiaryHouseholds, microprojects, settings } = plan.reference;
  await putOrDelete(d.villages, villages);
  await putOrDelete(d.beneficiaryHouseholds, beneficiaryHouseholds);
  await putOrDelete(d.microprojects, microprojects);
  if (settings) await d.settings.put({ id: 'program', ...settings });
}

async function putOrDelete<T>(
  table: { bulkDelete(keys: string[]): Promise<void>; bulkPut(rows: T[]): Promise<unknown> },
  rows: ReadonlyMap<string, T | null>,
): Promise<void> {
  const gone = [...rows].flatMap(([id, v]) => (v === null ? [id] : []));
  const kept = [...rows.values()].filter((v): v is T => v !== null);
  if (gone.length > 0) await table.bulkDelete(gone);
  if (kept.length > 0) await table.bulkPut(kept);
}

/**
 * After a restore refetch: the user's records the server once acknowledged but no longer has at all
 * (not in the refetch) are created again (`planRequeueLost`); records refused by the restored server
 * for the same reason go too. Their content is the tablet's; nothing typed is lost.
 */
export function requeueLost(input: {
  userId: string;
  seen: ReadonlySet<string>;
  now: string;
}): Promise<StorageResult<number>> {
  const d = db();
  const records = syncRecords(d);
  return attempt(() =>
    d.transaction('rw', [d.records, d.outbox], async () => {
      const own = await records.where('agentId').equals(input.userId).toArray();
      const candidates = requeueCandidates(own, input.seen);
      const inOutbox = new Set<string>();
      for (const row of candidates)
        if ((await d.outbox.where('recordId').equals(row.id).count()) > 0) inOutbox.add(row.id);
      const plan = planRequeueLost({ userId: input.userId, candidates, inOutbox, now: input.now });
      if (plan.add.length > 0) await d.outbox.bulkAdd(plan.add);
      if (plan.putRecords.length > 0) await records.bulkPut(plan.putRecords);
      return plan.add.length;
    }),
  );
}

/** Forgets the pull cursor (410: the server was restored), keeping the outbox and every record. */
export function resetPullCursor(userId: string): Promise<StorageResult<void>> {
  return attempt(async () => {
    await db().syncState.update(userId, { pullCursor: null });
  });
}
