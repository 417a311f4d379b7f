import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { onLocalChange } from '../../lib/sync-signal';
import { SyncEngine } from '../sync-engine';
import { SyncScheduler } from '../scheduler';

export interface SyncServices {
  engine: SyncEngine;
  scheduler: SyncScheduler;
}

const SyncContext = createContext<SyncServices | null>(null);

// One engine per user per page, kept across a lock and unlock of the same user, so the batch size
// it learnt carries over from one sync to the next.
const engines = new Map<string, SyncEngine>();

function engineFor(userId: string): SyncEngine {
  let engine = engines.get(userId);
  if (!engine) {
    engine = new SyncEngine({
      userId,
      transport: { baseUrl: '', fetch: (...args) => fetch(...args), now: () => Date.now() },
    });
    engines.set(userId, engine);
  }
  return engine;
}

/**
 * One sync engine and scheduler per unlocked user, for the whole app: mounted once around the
 * screens of an unlocked session (app/shell.tsx). It syncs at start, when the network returns, on
 * the timer, on « Synchroniser » (`useSyncServices().scheduler.trigger('manual')`), and right after
 * a form is finalised while the tablet is online.
 */
export function SyncProvider({
  userId,
  children,
  services,
}: {
  userId: string;
  children: ReactNode;
  services?: SyncServices;
}) {
  const [nextAt, setNextAt] = useState<number>();
  const value = useMemo<SyncServices>(() => {
    if (services) return services;
    const engine = engineFor(userId);
    const scheduler = new SyncScheduler({
      sync: (trigger) => engine.sync(trigger),
      events: window,
      onSchedule: setNextAt,
    });
    return { engine, scheduler };
  }, [userId, services]);
  useEffect(() => {
    value.engine.progress.set({ nextAttemptAt: nextAt });
  }, [value, nextAt]);
  useEffect(() => {
    const stopListening = onLocalChange(() => {
      if (navigator.onLine) void value.scheduler.trigger('change');
    });
    if (services) return stopListening;
    value.scheduler.start();
    return () => {
      stopListening();
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
