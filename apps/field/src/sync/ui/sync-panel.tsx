import { useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { formatBytes, formatDateTimeFr } from '../../lib/format';
import { useLive } from '../../lib/use-live';
import { lastSendingReceipt } from '../../storage/sync-receipts';
import type { SyncProgress } from '../progress';
import { useSyncServices } from './sync-context';
import { ReceiptLine } from './sync-history';

const NS = 'sync-engine';

function errorText(
  t: (key: string, o?: Record<string, unknown>) => string,
  error: NonNullable<SyncProgress['error']>,
): string {
  const known = ['timeout', 'network', 'storage', 'unregistered', 'auth', 'unsupported_version'];
  if (known.includes(error.kind)) return t(`errors.${error.kind}`);
  return t('errors.other', { message: error.message });
}

/**
 * « Synchroniser » and the progress of the running sync: records sent of the total, bytes both ways,
 * updates received; why it stopped and when it tries again; « Tout est à jour » after a sync that had
 * nothing to send; and the last receipt that sent something, kept on screen until the next one.
 * Mounted once, in the shell, inside SyncProvider.
 */
export function SyncPanel({ userId }: { userId: string }) {
  const { t } = useTranslation(NS);
  const { engine, scheduler } = useSyncServices();
  const progress = useSyncExternalStore(engine.progress.subscribe, engine.progress.getSnapshot);
  const last = useLive(async () => {
    const res = await lastSendingReceipt(userId);
    return res.ok ? res.value : undefined;
  }, [userId]);
  const lastReceipt = last.status === 'ready' ? last.value : undefined;
  const [busy, setBusy] = useState(false);
  const running =
    progress.phase === 'waiting' || progress.phase === 'pushing' || progress.phase === 'pulling';
  const run = () => {
    setBusy(false);
    void scheduler.trigger('manual').then((outcome) => {
      setBusy(!outcome.ok && outcome.busy);
    });
  };
  // A sync that only received updates leaves a receipt with nothing sent: still « Tout est à jour ».
  const nothingSent =
    progress.phase === 'done' && (!progress.receipt || progress.receipt.sent === 0);
  return (
    <section className="sync-panel" aria-label={t('syncNow')}>
      <div className="row">
        <Button variant="primary" onClick={run} disabled={running} data-testid="sync-now">
          {t('syncNow')}
        </Button>
        <p role="status" data-testid="sync-phase">
          {nothingSent ? t('upToDate') : t(`phase.${progress.phase}`)}
          {nothingSent && progress.pulled > 0 && ` · ${t('pulled', { count: progress.pulled })}`}
        </p>
      </div>
      {(running || progress.phase === 'done') && progress.toSend > 0 && (
        <>
          <progress
            max={progress.toSend}
            value={progress.sent}
            aria-label={t('progressRecords', { sent: progress.sent, total: progress.toSend })}
          />
          <p>{t('progressRecords', { sent: progress.sent, total: progress.toSend })}</p>
        </>
      )}
      {(running || progress.phase === 'done') &&
        (progress.bytesUp > 0 || progress.bytesDown > 0) && (
          <p data-testid="sync-bytes">
            {t('progressBytes', {
              up: formatBytes(progress.bytesUp),
              down: formatBytes(progress.bytesDown),
            })}
          </p>
        )}
      {running && progress.pulled > 0 && <p>{t('pulled', { count: progress.pulled })}</p>}
      {busy && !running && <Notice tone="info">{t('busy')}</Notice>}
      {progress.phase === 'failed' && progress.error && (
        <Notice tone="warning">
          {errorText((key, options) => t(key, options ?? {}), progress.error)}
        </Notice>
      )}
      {progress.phase === 'failed' && progress.nextAttemptAt !== undefined && (
        <p>
          {t('nextAttempt', { time: new Date(progress.nextAttemptAt).toISOString().slice(11, 16) })}
        </p>
      )}
      {!running && lastReceipt && (
        <p
          className={
            lastReceipt.rejected > 0 || lastReceipt.error !== undefined ? 'issue issue-warning' : ''
          }
        >
          {t('lastSent', { date: formatDateTimeFr(lastReceipt.at) })}{' '}
          <ReceiptLine receipt={lastReceipt} />
        </p>
      )}
    </section>
  );
}
