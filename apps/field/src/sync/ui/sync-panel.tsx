import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { formatBytes } from '../../lib/format';
import type { SyncProgress } from '../progress';
import { useSyncServices } from './sync-context';

const NS = 'sync-engine';

function errorText(t: (key: string, o?: Record<string, unknown>) => string, error: NonNullable<SyncProgress['error']>): string {
  const known = ['timeout', 'network', 'storage', 'unregistered', 'auth', 'unsupported_version'];
  if (known.includes(error.kind)) return t(`errors.${error.kind}`);
  return t('errors.other', { message: error.message });
}

/**
 * « Synchroniser » and the progress of the running sync: records sent of the total, bytes both ways,
 * updates received; why it stopped and when it tries again. Mount on the home screen and the sync
 * screen, inside SyncProvider.
 */
export function SyncPanel() {
  const { t } = useTranslation(NS);
  const { engine, scheduler } = useSyncServices();
  const progress = useSyncExternalStore(engine.progress.subscribe, engine.progress.getSnapshot);
  const [busy, setBusy] = useState(false);
  const running = progress.phase === 'waiting' || progress.phase === 'pushing' || progress.phase === 'pulling';
  const run = () => {
    void scheduler.trigger('manual').then((outcome) => {
      setBusy(!outcome.ok && outcome.busy);
    });
  };
  return (
    <section className="sync-panel" aria-label={t('syncNow')}>
      <Button variant="primary" onClick={run} disabled={running} data-testid="sync-now">
        {t('syncNow')}
      </Button>
      <p role="status" data-testid="sync-phase">
        {t(`phase.${progress.phase}`)}
      </p>
      {(running || progress.phase === 'done') && progress.toSend > 0 && (
        <>
          <progress max={progress.toSend} value={progress.sent} aria-label={t('progressRecords', { sent: progress.sent, total: progress.toSend })} />
          <p>{t('progressRecords', { sent: progress.sent, total: progress.toSend })}</p>
        </>
      )}
      {(progress.bytesUp > 0 || progress.bytesDown > 0) && <p>{t('progressBytes', { up: formatBytes(progress.bytesUp), down: formatBytes(progress.bytesDown) })}</p>}
      {progress.pulled > 0 && <p>{t('pulled', { count: progress.pulled })}</p>}
      {busy && <Notice tone="info">{t('busy')}</Notice>}
      {progress.phase === 'failed' && progress.error && <Notice tone="warning">{errorText((key, options) => t(key, options ?? {}), progress.error)}</Notice>}
      {progress.phase === 'failed' && progress.nextAttemptAt !== undefined && (
        <p>{t('nextAttempt', { time: new Date(progress.nextAttemptAt).toISOString().slice(11, 16) })}</p>
      )}
    </section>
  );
}
