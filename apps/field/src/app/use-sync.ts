import { useCallback, useEffect, useRef, useState } from 'react';
import { onLocalChange } from '../lib/sync-signal';
import type { SyncSummary } from '../sync/sync-now';

export type SyncView = { running: boolean; last: SyncSummary | null; run: () => void };

/**
 * Runs a sync on demand, when the app opens, and when the network comes back. One at a time in this
 * tab (the sync engine of issue 5 adds Web Locks across tabs, backoff and periodic retries).
 */
export function useSync(userId: string): SyncView {
  const [running, setRunning] = useState(false);
  const [last, setLast] = useState<SyncSummary | null>(null);
  const busy = useRef(false);
  const run = useCallback(() => {
    if (busy.current) return;
    busy.current = true;
    setRunning(true);
    // Loaded on first use: the wire schemas stay out of the shell's first download.
    void import('../sync/sync-now')
      .then(({ syncNow }) => syncNow(userId))
      .then(setLast)
      .finally(() => {
        busy.current = false;
        setRunning(false);
      });
  }, [userId]);
  useEffect(() => {
    if (navigator.onLine) run();
    window.addEventListener('online', run);
    const stop = onLocalChange(() => {
      if (navigator.onLine) run();
    });
    return () => {
      window.removeEventListener('online', run);
      stop();
    };
  }, [run]);
  return { running, last, run };
}
