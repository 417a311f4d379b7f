import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { SyncEngine } from '../sync-engine';
import { engineFor } from '../sync-now';
import { SyncScheduler } from '../scheduler';

export interface SyncServices {
  engine: SyncEngine;
  scheduler: SyncScheduler;
}

const SyncContext = createContext<SyncServices | null>(null);

/**
 * One sync engine and scheduler per unlocked user, for the whole app: mount it once around the
 * screens of an unlocked session (app/shell.tsx). It syncs at start, when the network returns, on
 * the timer, and on « Synchroniser » (`useSync().scheduler.trigger('manual')`).
 */
export function SyncProvider({ userId, children, services }: { userId: string; children: ReactNode; services?: SyncServices }) {
  const [nextAt, setNextAt] = useState<number>();
  const value = useMemo<SyncServices>(() => {
    if (services) return services;
    // The same engine as syncNow (app/use-sync.ts): one progress store, one learnt batch size.
    const engine = engineFor(userId);
    const scheduler = new SyncScheduler({ sync: (trigger) => engine.sync(trigger), events: window, onSchedule: setNextAt });
    return { engine, scheduler };
  }, [userId, services]);
  useEffect(() => {
    value.engine.progress.set({ nextAttemptAt: nextAt });
  }, [value, nextAt]);
  useEffect(() => {
    if (services) return undefined;
    value.scheduler.start();
    return () => {
      value.scheduler.stop();
    };
  }, [value, services]);
  return <SyncContext.Provider value={value}>{children}</SyncContext.Provider>;
}

export function useSyncServices(): SyncServices {
  const services = useContext(SyncContext);
  if (!services) throw new Error('useSyncServices outside SyncProvider');
  return services;
}
