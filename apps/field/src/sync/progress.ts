// Progress of the running sync, as an external store React reads with useSyncExternalStore (the UI
// subscribes; the engine sets). Records and bytes, both ways.

import type { SyncReceiptRow } from '../storage/sync-types';

export const syncPhases = ['idle', 'waiting', 'pushing', 'pulling', 'done', 'failed'] as const;
export type SyncPhase = (typeof syncPhases)[number];

export interface SyncProgress {
  readonly phase: SyncPhase;
  /** Mutations acknowledged by the server in this sync / mutations to send when it started (grows if edits land meanwhile). */
  readonly sent: number;
  readonly toSend: number;
  readonly bytesUp: number;
  readonly bytesDown: number;
  readonly pulled: number;
  /** The last failure, in the transport's terms (the UI maps it to French). */
  readonly error?: { kind: string; code?: string | undefined; message: string } | undefined;
  /** What the finished sync moved: its receipt, or null when it had nothing to send or receive. */
  readonly receipt?: SyncReceiptRow | null | undefined;
  /** Device clock (ms) of the next automatic attempt, when one is scheduled. */
  readonly nextAttemptAt?: number | undefined;
}

export const idleProgress: SyncProgress = {
  phase: 'idle',
  sent: 0,
  toSend: 0,
  bytesUp: 0,
  bytesDown: 0,
  pulled: 0,
};

export class ProgressStore {
  private state: SyncProgress = idleProgress;
  private readonly listeners = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  readonly getSnapshot = (): SyncProgress => this.state;

  set(patch: Partial<SyncProgress>): void {
    this.state = { ...this.state, ...patch };
    for (const l of this.listeners) l();
  }

  reset(next: SyncProgress): void {
    this.state = next;
    for (const l of this.listeners) l();
  }
}
