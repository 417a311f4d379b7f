import { useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { SyncReceiptRow } from '../../storage/sync-types';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { SyncProvider, useSyncServices } from './sync-context';
import { syncLine } from './sync-line';
import { SyncPanel } from './sync-panel';
import { ReceiptLine } from './sync-history';

const NS = 'sync-engine';

/** What the shell's header shows of the sync: its one line, « Synchroniser », the details. */
export interface SyncView {
  line: ReactNode;
  button: ReactNode;
  panel: ReactNode;
  /** Whether the last sync found a problem (the header marks the line). */
  failed: boolean;
}

/**
 * The shell's sync: one engine and scheduler for the unlocked user (SyncProvider) and what shows it,
 * handed to the shell's header to place. Its own chunk, loaded by the shell right after it opens:
 * the engine brings the wire schemas (zod), which the shell's first download and parse on a 2 GB
 * tablet do without.
 */
export default function SyncBar({
  userId,
  unsynced,
  online,
  children,
}: {
  userId: string;
  unsynced: number;
  online: boolean;
  children: (view: SyncView) => ReactNode;
}) {
  return (
    <SyncProvider userId={userId}>
      <SyncViews userId={userId} unsynced={unsynced} online={online}>
        {children}
      </SyncViews>
    </SyncProvider>
  );
}

export function SyncViews({
  userId,
  unsynced,
  online,
  children,
}: {
  userId: string;
  unsynced: number;
  online: boolean;
  children: (view: SyncView) => ReactNode;
}) {
  const { t } = useTranslation(NS);
  const { engine, scheduler } = useSyncServices();
  const progress = useSyncExternalStore(engine.progress.subscribe, engine.progress.getSnapshot);
  const [busy, setBusy] = useState(false);
  const running =
    progress.phase === 'waiting' || progress.phase === 'pushing' || progress.phase === 'pulling';
  const run = () => {
    setBusy(false);
    void scheduler.trigger('manual').then((outcome) => {
      setBusy(!outcome.ok && outcome.busy);
    });
  };
  // The last receipt that sent something stays on the line (a later sync with nothing to send does
  // not hide it) while nothing new waits; a record finalised since makes it yesterday's news.
  const [lastSent, setLastSent] = useState<SyncReceiptRow>();
  const current = progress.phase === 'done' ? progress.receipt : undefined;
  useEffect(() => {
    if (current && current.sent > 0) setLastSent(current);
  }, [current]);
  const receipt =
    progress.phase !== 'done'
      ? undefined
      : current && current.sent > 0
        ? current
        : unsynced === 0
          ? lastSent
          : undefined;
  const line = syncLine({
    phase: progress.phase,
    unsynced,
    online,
    sentSomething: receipt !== undefined,
  });
  return children({
    line: (
      <span data-testid="sync-phase">
        {line.kind === 'receipt' ? receipt && <ReceiptLine receipt={receipt} /> : t(line.key)}
        {line.kind === 'running' &&
          progress.toSend > 0 &&
          ` ${String(progress.sent)} / ${String(progress.toSend)}`}
      </span>
    ),
    button: (
      <Button variant="primary" onClick={run} disabled={running} data-testid="sync-now">
        {t('syncNow')}
      </Button>
    ),
    panel: <SyncPanel userId={userId} progress={progress} busy={busy && !running} />,
    failed: progress.phase === 'failed',
  });
}
