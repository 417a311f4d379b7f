import { db } from './db';
import { attempt, type StorageResult } from './errors';
import { searchTextOf } from './search-text';
import type { AnyRecord, DraftRow, FormPosition } from './types';

export interface SaveDraftInput {
  record: AnyRecord;
  agentId: string;
  position: FormPosition;
  now: string;
}

/**
 * Autosave: writes the whole draft (record + form position). Called on every change; the caller
 * coalesces bursts (src/lib/autosave.ts) so only the latest state is written.
 */
export function saveDraft(input: SaveDraftInput): Promise<StorageResult<void>> {
  return attempt(async () => {
    const { record } = input;
    await db().transaction('rw', db().drafts, db().records, async () => {
      const previous = await db().drafts.get(record.id);
      const finalised = previous
        ? previous.editsFinalised
        : (await db().records.get(record.id)) !== undefined;
      const row: DraftRow = {
        id: record.id,
        type: record.type,
        agentId: input.agentId,
        villageId: typeof record['villageId'] === 'string' ? record['villageId'] : '',
        record,
        position: input.position,
        editsFinalised: finalised,
        createdAt: previous?.createdAt ?? input.now,
        updatedAt: input.now,
        searchText: searchTextOf(record),
      };
      await db().drafts.put(row);
    });
  });
}

export function getDraft(id: string): Promise<StorageResult<DraftRow | undefined>> {
  return attempt(() => db().drafts.get(id));
}

/** Abandons a draft. For a draft of a finalised record, the finalised content stays as it was. */
export function deleteDraft(id: string): Promise<StorageResult<void>> {
  return attempt(() => db().drafts.delete(id));
}
