import type { Table } from 'dexie';
import type { JigiDb } from './db';
import type { RecordRow, SyncBatchRow } from './types';

// The sync engine's tables. `syncBatches` arrives with schema v3; the extra record and receipt fields
// ride on the existing rows (IndexedDB stores whatever the object holds) so the record writers need
// not know them. The row types live in types.ts (this file is not imported by db.ts or types.ts).

export type { RecordRejection, SyncBatchRow, SyncReceiptRow } from './types';

/** A record row as the sync engine reads and writes it (its sync fields are on RecordRow itself). */
export type SyncRecordRow = RecordRow;

export function syncBatches(d: JigiDb): Table<SyncBatchRow, string> {
  return d.table<SyncBatchRow, string>('syncBatches');
}

export function syncRecords(d: JigiDb): Table<SyncRecordRow, string> {
  return d.records as unknown as Table<SyncRecordRow, string>;
}
