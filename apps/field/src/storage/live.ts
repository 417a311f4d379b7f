import { liveQuery } from 'dexie';

export interface Subscribable<T> {
  subscribe(onValue: (value: T) => void, onError: (error: unknown) => void): () => void;
}

/**
 * Re-runs a read whenever the tables it touched change (in this tab or another): Dexie's liveQuery,
 * behind a tiny interface so that the UI's hook (src/lib/use-live.ts) does not import Dexie.
 */
export function watch<T>(read: () => Promise<T>): Subscribable<T> {
  return {
    subscribe(onValue, onError) {
      const sub = liveQuery(read).subscribe({ next: onValue, error: onError });
      return () => {
        sub.unsubscribe();
      };
    },
  };
}
