import { useTranslation } from 'react-i18next';
import { Notice } from '../components/notice';
import { formatDateTimeFr } from '../lib/format';
import { useSession } from '../lib/session';
import { liveValue, useLive } from '../lib/use-live';
import { receiptsOf } from '../storage/receipts';
import type { SyncView } from './use-sync';

/**
 * The sync state in French: running, why it failed, or the last receipt kept in the sync history
 * (« 3 envoyées, 3 acceptées, 0 rejetées — lot n° 12 »), so an automatic sync's receipt stays visible.
 */
export function SyncMessage({ sync }: { sync: SyncView }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const last = liveValue(useLive(() => receiptsOf(user.id, 1), [user.id]), [])[0];
  if (sync.running) return <Notice tone="info">{t('sync.running')}</Notice>;
  const result = sync.last;
  if (result && !result.ok) {
    const err = result.error;
    if (err.kind === 'offline') return <Notice tone="warning">{t('sync.offline')}</Notice>;
    if ((err.kind === 'http' && err.status === 401) || err.kind === 'unregistered') return <Notice tone="error">{t('sync.authExpired')}</Notice>;
    return <Notice tone="error">{t('sync.failed', { message: err.message })}</Notice>;
  }
  if (!last) return result ? <Notice tone="success">{t('sync.nothing')}</Notice> : null;
  return (
    <Notice tone={last.rejected > 0 ? 'warning' : 'success'}>
      <span data-testid="sync-receipt">{t('sync.done', { sent: last.sent, accepted: last.accepted, rejected: last.rejected })}</span>
      {last.batchNo !== undefined && <span> — {t('sync.batch', { numbers: String(last.batchNo) })}</span>}
      <span className="small"> ({formatDateTimeFr(last.at)})</span>
    </Notice>
  );
}
