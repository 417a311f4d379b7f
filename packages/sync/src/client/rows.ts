// The rows a client of the protocol keeps in order to sync: the tablet stores them in IndexedDB
// (apps/field/src/storage), the reliability suite's simulated device keeps them in memory. The
// planners of this folder read them and say what to write; neither they nor these types do I/O.
// Workflow state sits beside the record, never in it (docs/architecture.md §1).

/** A record or a draft of one: the envelope is always there, the rest may be incomplete. */
export type LocalRecord = { id: string; type: string } & Record<string, unknown>;

/**
 * finalised: waiting to be sent (or sent, not yet acknowledged) · synced: accepted by the server ·
 * returned: a supervisor asked for a correction · conflict: waiting for the supervisor's arbitration ·
 * rejected: the server refused it (reason kept), correct and finalise again.
 */
export type SyncStatus = 'finalised' | 'synced' | 'returned' | 'conflict' | 'rejected';

/** Why the server (or the client itself, for an unsendable change) refused a record's change. */
export interface RecordRejection {
  code: string;
  message: string;
  issues?: { path: string; message: string; severity: string }[] | undefined;
  mutationId?: number | undefined;
  at?: string | undefined;
}

/** A finalised record and what the client knows of the server's copy. */
export interface ClientRecordRow {
  id: string;
  type: string;
  agentId: string;
  villageId: string;
  /** The last finalised (or synced) content: the base the next edit is diffed from. */
  record: LocalRecord;
  syncStatus: SyncStatus;
  /** The content the server last accepted (a rejected edit is re-diffed from it). */
  serverRecord?: LocalRecord;
  /** Latest server version known for this record (null until the server accepted its creation). */
  serverVersion: number | null;
  /** Server version the local content was last edited from. */
  baseVersion: number | null;
  rejection?: RecordRejection | undefined;
  /** Paths waiting for a supervisor (« en attente d'arbitrage »), kept until the resolution is pulled. */
  conflictPaths?: string[] | undefined;
  supervisorComment?: string;
  finalisedAt: string;
  updatedAt: string;
  /** Folded words a list searches by (the client's own index; the planners take the fold as an argument). */
  searchText: string;
}

export type OutboxOp = 'create' | 'patch' | 'delete';
export type OutboxState = 'pending' | 'in_flight';

/**
 * One change waiting for the server. `mutationId` is given when the change is frozen into a batch
 * (state in_flight), not when it is written: compaction of pending changes must not leave gaps in the
 * per-device sequence the server expects (docs/architecture.md §4).
 */
export interface ClientOutboxRow {
  /** Outbox order; the client's store gives it. */
  seq?: number;
  userId: string;
  recordId: string;
  recordType: string;
  op: OutboxOp;
  /** Server version the change was made from; 0 for a create, and for a patch of a record whose create is not acknowledged yet (raised when it is). */
  baseVersion: number;
  record?: LocalRecord;
  changes?: Record<string, unknown>;
  clientTime: string;
  state: OutboxState;
  batchId?: string;
  mutationId?: number;
}

/**
 * A frozen push: the exact JSON text sent on every attempt (retried byte-identical), the outbox rows
 * it carries being `in_flight` with this `batchId`. Gone when every mutation in it is acknowledged.
 * Split in two (same mutations, same bytes each) when the link cannot carry it whole.
 */
export interface ClientBatchRow {
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

/** A correction asked by a supervisor (« À corriger »), as a pull page delivers it. */
export interface ClientTaskRow {
  id: string;
  recordId: string;
  userId: string;
  comment: string;
  createdAt: string;
  resolved: boolean;
}
