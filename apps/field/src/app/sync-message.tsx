import { useTranslation } from 'react-i18next';
import { Notice } from '../components/notice';
import type { SyncView } from './use-sync';

/** The last sync's receipt (« 3 envoyées, 3 acceptées, 0 rejetées ») or why it failed, in French. */
export function SyncMessage({ sync }: { sync: SyncView }) {
  const { t } = useTranslation();
  if (sync.running) return <Notice tone="info">{t('sync.running')}</Notice>;
  const last = sync.last;
  if (!last) return null;
  if (last.ok) {
    if (last.sent === 0) return <Notice tone="success">{t('sync.nothing')}</Notice>;
    return (
      <Notice tone={last.rejected > 0 ? 'warning' : 'success'}>
        <span data-testid="sync-receipt">{t('sync.done', { sent: last.sent, accepted: last.accepted, rejected: last.rejected })}</span>
        {last.batchNos.length > 0 && <span> — {t('sync.batch', { numbers: last.batchNos.join(', ') })}</span>}
      </Notice>
    );
  }
  const err = last.error;
  if (err.kind === 'offline') return <Notice tone="warning">{t('sync.offline')}</Notice>;
  if (err.kind === 'http' && err.status === 401) return <Notice tone="error">{t('sync.authExpired')}</Notice>;
  return <Notice tone="error">{t('sync.failed', { message: err.message })}</Notice>;
}
