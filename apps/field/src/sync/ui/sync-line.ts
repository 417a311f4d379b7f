// The one line that says where the tablet's work stands, beside the counters, so that the two never
// disagree: « Tout est à jour » only when nothing waits, the network is there and the last sync
// ended well. Pure, apart from useOnline; no engine here, so the shell can import it at once.
import { useSyncExternalStore } from 'react';
import type { SyncPhase } from '../progress';

export function useOnline(): boolean {
  return useSyncExternalStore(
    (l) => {
      window.addEventListener('online', l);
      window.addEventListener('offline', l);
      return () => {
        window.removeEventListener('online', l);
        window.removeEventListener('offline', l);
      };
    },
    () => navigator.onLine,
  );
}

export interface SyncLineInput {
  /** Undefined while the sync engine's chunk is still loading. */
  phase: SyncPhase | undefined;
  /** Records on the tablet not yet accepted by the server (the status counter). */
  unsynced: number;
  online: boolean;
  /** The last finished sync sent something (its receipt is shown instead of a phase). */
  sentSomething: boolean;
}

export type SyncLine =
  | { kind: 'running'; key: `phase.${'waiting' | 'pushing' | 'pulling'}` }
  | { kind: 'offline'; key: 'line.offline' }
  | { kind: 'failed'; key: 'phase.failed' }
  | { kind: 'receipt' }
  | { kind: 'waiting'; key: 'line.online' }
  | { kind: 'upToDate'; key: 'upToDate' }
  | { kind: 'idle'; key: 'line.online' };

/** Which words the sync line shows (keys of the `sync-engine` catalogue). */
export function syncLine(input: SyncLineInput): SyncLine {
  const { phase, unsynced, online } = input;
  if (phase === 'waiting' || phase === 'pushing' || phase === 'pulling')
    return { kind: 'running', key: `phase.${phase}` };
  if (!online) return { kind: 'offline', key: 'line.offline' };
  if (phase === 'failed') return { kind: 'failed', key: 'phase.failed' };
  if (phase === 'done' && input.sentSomething) return { kind: 'receipt' };
  if (unsynced > 0) return { kind: 'waiting', key: 'line.online' };
  if (phase === 'done') return { kind: 'upToDate', key: 'upToDate' };
  return { kind: 'idle', key: 'line.online' };
}
