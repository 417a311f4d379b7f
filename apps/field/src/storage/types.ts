// Row shapes of the tablet database. Records themselves are the domain's `FieldRecord`s; the rows add
// the tablet's own workflow metadata beside them (docs/architecture.md §1: workflow state is never part
// of the record).

import type { RecordRejection } from './sync-types';

/** A record or a draft of one: the envelope is always there, the rest may be incomplete. */
export type AnyRecord = { id: string; type: string } & Record<string, unknown>;

export const syncStatuses = ['finalised', 'synced', 'returned', 'conflict', 'rejected'] as const;
/**
 * finalised: waiting to be sent (or sent, not yet acknowledged) · synced: accepted by the server ·
 * returned: a supervisor asked for a correction · conflict: waiting for the supervisor's arbitration ·
 * rejected: the server refused it (reason kept), correct and finalise again.
 */
export type SyncStatus = (typeof syncStatuses)[number];

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

export interface RecordRow {
  id: string;
  type: string;
  agentId: string;
  villageId: string;
  /** The last finalised (or synced) content: the base the next edit is diffed from. */
  record: AnyRecord;
  syncStatus: SyncStatus;
  /** The content the server last accepted (a rejected edit is re-diffed from it). */
  serverRecord?: AnyRecord;
  /** Latest server version known for this record (null until the server accepted its creation). */
  serverVersion: number | null;
  /** Server version the local content was last edited from. */
  baseVersion: number | null;
  rejection?: RecordRejection | undefined;
  /** Paths waiting for a supervisor (« en attente d'arbitrage »), kept by the sync engine until the resolution is pulled. */
  conflictPaths?: string[] | undefined;
  supervisorComment?: string;
  finalisedAt: string;
  updatedAt: string;
  searchText: string;
}

export type MutationOp = 'create' | 'patch' | 'delete';
export type OutboxState = 'pending' | 'in_flight';

/**
 * One change waiting for the server. `mutationId` is given when the mutation is frozen into a batch
 * (state in_flight), not when it is written: compaction of pending mutations must not leave gaps in
 * the per-device sequence the server expects (architecture.md §4).
 */
export interface OutboxRow {
  seq?: number;
  userId: string;
  recordId: string;
  recordType: string;
  op: MutationOp;
  /** Server version the change was made from; 0 for a create, and for a patch of a record whose create is not acknowledged yet (raised when it is). */
  baseVersion: number;
  record?: AnyRecord;
  changes?: Record<string, unknown>;
  clientTime: string;
  state: OutboxState;
  batchId?: string;
  mutationId?: number;
}

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
export interface TaskRow {
  id: string;
  recordId: string;
  userId: string;
  comment: string;
  createdAt: string;
  resolved: boolean;
}

export interface MetaRow {
  key: string;
  value: unknown;
}
