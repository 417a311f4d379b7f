import type { IndexableType } from 'dexie';
import { ownedTables, type OwnedTable } from './crypto/encryption-middleware';
import { db } from './db';
import { attempt, type StorageResult } from './errors';
import type { SealingState } from './types';

// Rows written before encryption (schema v4 and older) are sealed at their owner's first unlock
// after the update: the Dexie upgrade cannot do it, as no data key is open while it runs. The
// upgrade (schema.ts v5) names the owners who have such rows; each one's rows are then read and
// written back through the encryption middleware in chunks, one transaction per chunk with the
// position reached, so a tablet switched off half-way resumes at the next unlock and loses nothing.

/** Meta key: the users who still have rows written before encryption (set by the v5 upgrade). */
export const PLAINTEXT_OWNERS_KEY = 'plaintextOwners';

export const SEALING_ORDER: readonly OwnedTable[] = [
  'syncState',
  'outbox',
  'syncBatches',
  'drafts',
  'records',
  'tasks',
  'receipts',
];

/** Where a new data key of this user starts sealing: nothing to do unless the upgrade named them. */
export async function firstSealingStep(userId: string): Promise<SealingState> {
  const owners = (await db().meta.get(PLAINTEXT_OWNERS_KEY))?.value;
  return Array.isArray(owners) && owners.includes(userId)
    ? { table: SEALING_ORDER[0] ?? 'records', after: null }
    : 'done';
}

/**
 * Seals the user's rows left in clear, from where the last run stopped. Their key must be held.
 * `maxChunks` stops early (the tests' interrupted upgrade); returns how many rows were written and
 * whether none is left.
 */
export function sealLegacyRows(
  userId: string,
  options: { chunkSize?: number; maxChunks?: number } = {},
): Promise<StorageResult<{ sealed: number; done: boolean }>> {
  const d = db();
  const chunkSize = options.chunkSize ?? 250;
  return attempt(async () => {
    let sealed = 0;
    for (let chunks = 0; chunks < (options.maxChunks ?? Infinity); chunks++) {
      const state = (await d.userKeys.get(userId))?.sealing ?? 'done';
      if (state === 'done') return { sealed, done: true };
      const table = d.table(state.table);
      const keys: IndexableType[] = await table
        .where(ownedTables[state.table])
        .equals(userId)
        .primaryKeys();
      const after = state.after;
      const todo = after === null ? keys : keys.filter((k) => indexedDB.cmp(k, after) > 0);
      const chunk = todo.slice(0, chunkSize);
      await d.transaction('rw', [table, d.userKeys, d.meta], async () => {
        const rows = (await table.bulkGet(chunk)).filter((r) => r !== undefined);
        if (rows.length > 0) await table.bulkPut(rows);
        sealed += rows.length;
        const last = chunk.at(-1);
        const nextTable = SEALING_ORDER[SEALING_ORDER.indexOf(state.table) + 1];
        const next: SealingState =
          todo.length > chunk.length && last !== undefined
            ? { table: state.table, after: last }
            : nextTable
              ? { table: nextTable, after: null }
              : 'done';
        await d.userKeys.update(userId, { sealing: next });
        if (next === 'done') {
          const owners = (await d.meta.get(PLAINTEXT_OWNERS_KEY))?.value;
          if (Array.isArray(owners))
            await d.meta.put({
              key: PLAINTEXT_OWNERS_KEY,
              value: owners.filter((o) => o !== userId),
            });
        }
      });
    }
    return { sealed, done: ((await d.userKeys.get(userId))?.sealing ?? 'done') === 'done' };
  });
}
