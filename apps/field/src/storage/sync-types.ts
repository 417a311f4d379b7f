import type { Table } from 'dexie';
import type { JigiDb } from './db';
import type { ReceiptRow, RecordRow } from './types';

// Rows the sync engine (issue 5) keeps beside the field app's own. The `syncBatches` table arrives
// with schema v3; the extra record and receipt fields ride on the existing rows (IndexedDB stores
// whatever the object holds) so the record writers need not know them.

/**
 * A frozen push: the exact JSON text sent on every attempt (issue 5: "retried byte-identical"), the
 * outbox rows it carries being `in_flight` with this `batchId`. Deleted when every mutation in it is
 * acknowledged. Split in two (same mutations, same bytes each) when the link cannot carry it whole.
 */
export interface SyncBatchRow {
  batchId: string;
  userId: string;
  firstMutationId: number;
  lastMutationId: number;
  /** The decoded push body, as sent. */
  body: string;
  /** UTF-8 bytes of `body`. */
  jsonBytes: number;
  createdAt: string;
  attempts: number;
  /** Set when the batch went into an export file (logout is then allowed without a sync). */
  exportedAt?: string;
}

/** Why the server (or the tablet itself, for an unsendable change) refused a record's change. */
export interface RecordRejection {
  code: string;
  message: string;
  issues?: { path: string; message: string; severity: string }[] | undefined;
  mutationId?: number | undefined;
  at?: string | undefined;
}

/** A record row as the sync engine reads and writes it (its sync fields are on RecordRow itself). */
export type SyncRecordRow = RecordRow;

/** One sync's receipt (« 42 envoyés, 42 acceptés, 0 rejeté — lot n° 12 »), kept in the history. */
export interface SyncReceiptRow extends ReceiptRow {
  /** Every review batch number this sync produced (a sync may push several batches). */
  batchNos: number[];
  /** Batches the server already had (a resend after a lost answer): « lot déjà reçu ». Absent on older rows. */
  replayedBatches?: number | undefined;
  duplicates: number;
  pulled: number;
  bytesUp: number;
  bytesDown: number;
  requests: number;
  /** Set when the sync stopped before the end (what was acknowledged before is counted). */
  error?: string | undefined;
  rejections: { recordId: string; code: string; message: string }[];
  clockOffsetMs?: number | undefined;
  finishedAt: string;
}

export function syncBatches(d: JigiDb): Table<SyncBatchRow, string> {
  return d.table<SyncBatchRow, string>('syncBatches');
}

export function syncRecords(d: JigiDb): Table<SyncRecordRow, string> {
  return d.records as unknown as Table<SyncRecordRow, string>;
}
