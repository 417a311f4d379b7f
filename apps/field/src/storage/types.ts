// Row shapes of the tablet database. Records themselves are the domain's `FieldRecord`s; the rows add
// the tablet's own workflow metadata beside them (docs/architecture.md §1: workflow state is never part
// of the record).

// The rows the sync planners read and write (records, outbox, frozen batches, tasks) are defined
// once in packages/sync (`Client…Row`), so that this layer, the engine and the planners agree on
// them without importing each other; this file names them for the app. It imports types only, and
// nothing of this folder, so that db.ts and the row files form no import circle.

import type { IndexableType } from 'dexie';
import type {
  ClientBatchRow,
  ClientOutboxRow,
  ClientRecordRow,
  ClientTaskRow,
  LocalRecord,
  OutboxOp,
  OutboxState as ClientOutboxState,
  RecordRejection,
  SyncStatus,
} from '@jigi/sync';

export type { RecordRejection, SyncStatus };

/** A record or a draft of one: the envelope is always there, the rest may be incomplete. */
export type AnyRecord = LocalRecord;

export const syncStatuses = [
  'finalised',
  'synced',
  'returned',
  'conflict',
  'rejected',
] as const satisfies readonly SyncStatus[];

export type Role = 'admin' | 'supervisor' | 'enumerator' | 'facilitator' | 'field_agent';

export interface PinHash {
  /** base64 */
  salt: string;
  iterations: number;
  /** base64 of PBKDF2-SHA-256(pin, salt) */
  hash: string;
}

/** A user who logged in on this tablet. The password is never stored; the PIN only as a PBKDF2 hash. */
export interface UserRow {
  id: string;
  login: string;
  name: string;
  role: Role;
  zones: string[];
  pin: PinHash | null;
  failedPinAttempts: number;
  lastUnlockAt?: string;
}

/** Where the user was in a form, so that it reopens exactly there. */
export interface FormPosition {
  section: string;
  /** The child line being edited (roster member, child, woman), if any. */
  itemId?: string;
}

export interface DraftRow {
  id: string;
  type: string;
  agentId: string;
  villageId: string;
  record: AnyRecord;
  position: FormPosition;
  /** True when the draft edits a record already finalised (finalising it sends a patch). */
  editsFinalised: boolean;
  createdAt: string;
  updatedAt: string;
  searchText: string;
}

/** A finalised record and what the tablet knows of the server's copy. */
export type RecordRow = ClientRecordRow;

export type MutationOp = OutboxOp;
export type OutboxState = ClientOutboxState;

/** One change waiting for the server (numbered when it is frozen into a batch). */
export type OutboxRow = ClientOutboxRow;

/** A frozen push, sent byte-identical on every attempt (syncBatches, schema v3). */
export type SyncBatchRow = ClientBatchRow;

export interface SyncStateRow {
  userId: string;
  deviceId: string;
  deviceToken: string;
  /** Next per-device mutation id to give when a batch is frozen (starts at 1). */
  nextMutationId: number;
  /** Opaque pull cursor (`<epoch>.<seq>`), null before the first pull. */
  pullCursor: string | null;
  lastPullAt?: string;
  lastPushAt?: string;
  clockOffsetMs?: number;
  /** The push size cap at the end of the last sync, and whether that sync went without a timeout or drop (sync/batch-sizer.ts). */
  pushSizing?: { capBytes: number; ratio: number; clean: boolean };
}

export interface ReceiptRow {
  id?: number | undefined;
  userId: string;
  at: string;
  batchId: string;
  batchNo?: number;
  sent: number;
  accepted: number;
  rejected: number;
  conflicts: number;
}

/** A correction asked by a supervisor (« À corriger »). */
export type TaskRow = ClientTaskRow;

/** A data key wrapped under a typed secret (PIN, recovery code) and a share (crypto/key-wraps.ts). */
export interface KeyWrap {
  /** base64 PBKDF2 salt of the inner layer. */
  salt: string;
  iterations: number;
  /** base64 of `iv ‖ ciphertext`: the inner layer alone until a share is bound, else the outer layer. */
  bytes: string;
  /** Whether `bytes` is the outer layer (the share is needed to open it). */
  shared: boolean;
}

/** How far the sealing of rows written before encryption has gone (storage/legacy-sealing.ts). */
export type SealingState =
  | 'done'
  | {
      table: 'records' | 'drafts' | 'outbox' | 'receipts' | 'tasks' | 'syncBatches' | 'syncState';
      /** The last primary key sealed in that table, null to start it. */
      after: IndexableType | null;
    };

/**
 * A user's keys on this tablet (schema v5, storage/user-keys.ts). Never the data key in clear: only
 * its wraps, the tablet's copy of the server share, and the tab's session wrap.
 */
export interface UserKeysRow {
  userId: string;
  /** Names this user's share on the server (random, made on the tablet). */
  keyId: string;
  pin: KeyWrap | null;
  recovery: KeyWrap | null;
  /** base64 halves of the server share; null before the first contact, after a lockout (PIN half) or a revocation. */
  pinShare: string | null;
  recoveryShare: string | null;
  /** The PIN half sealed under the data key: the recovery code gives the PIN back after a lockout, offline. */
  pinShareSealed: string | null;
  /** The data key sealed under a key the tab keeps in sessionStorage (reload without PIN); null when locked. */
  session: string | null;
  /** Set when the server said the tablet is revoked: the share is gone. */
  revokedAt?: string;
  sealing: SealingState;
}

export interface MetaRow {
  key: string;
  value: unknown;
}

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
