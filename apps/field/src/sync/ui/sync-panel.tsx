import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/notice';
import { formatBytes, formatDateTimeFr } from '../../lib/format';
import { useLive } from '../../lib/use-live';
import { lastSendingReceipt } from '../../storage/sync-receipts';
import type { SyncProgress } from '../progress';
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

/** « 12 Ko envoyés, 3 Ko reçus »; a side that moved nothing is left out (« 0 o envoyés » says nothing). */
export function bytesLine(
  t: (key: string, o?: Record<string, unknown>) => string,
  up: number,
  down: number,
): string | undefined {
  if (up > 0 && down > 0)
    return t('progressBytes', { up: formatBytes(up), down: formatBytes(down) });
  if (up > 0) return t('progressUp', { up: formatBytes(up) });
  if (down > 0) return t('progressDown', { down: formatBytes(down) });
  return undefined;
}

/**
 * The sync's details, under the header when the user opens them: records sent of the total, bytes
 * both ways, updates received; why it stopped and when it tries again; the last receipt that sent
 * something, kept until the next one. The header's line says the rest (sync-bar.tsx).
 */
export function SyncPanel({
  userId,
  progress,
  busy,
}: {
  userId: string;
  progress: SyncProgress;
  busy: boolean;
}) {
  const { t } = useTranslation(NS);
  const last = useLive(async () => {
    const res = await lastSendingReceipt(userId);
    return res.ok ? res.value : undefined;
  }, [userId]);
  const lastReceipt = last.status === 'ready' ? last.value : undefined;
  const running =
    progress.phase === 'waiting' || progress.phase === 'pushing' || progress.phase === 'pulling';
  const bytes = bytesLine(
    (key, options) => t(key, options ?? {}),
    progress.bytesUp,
    progress.bytesDown,
  );
  return (
    <section className="sync-panel" aria-label={t('syncNow')}>
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
      {(running || progress.phase === 'done') && bytes && <p data-testid="sync-bytes">{bytes}</p>}
      {progress.pulled > 0 && <p>{t('pulled', { count: progress.pulled })}</p>}
      {busy && <Notice tone="info">{t('busy')}</Notice>}
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
          data-testid="sync-last-receipt"
        >
          {t('lastSent', { date: formatDateTimeFr(lastReceipt.at) })}{' '}
          <ReceiptLine receipt={lastReceipt} />
        </p>
      )}
    </section>
  );
}
