import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { formatDateTimeFr } from '../../lib/format';
import { useSession } from '../../lib/session';
import { liveValue, useLive } from '../../lib/use-live';
import { countOutbox } from '../../storage/outbox';
import { receiptsOf } from '../../storage/receipts';

/** The receipts of past syncs (« 42 envoyées, 42 acceptées, 0 rejetées — lot n° … »). */
export function SyncHistory() {
  const { t } = useTranslation('history');
  const { user } = useSession();
  const receipts = liveValue(useLive(() => receiptsOf(user.id), [user.id]), []);
  const pending = liveValue(useLive(() => countOutbox(user.id), [user.id]), 0);
  return (
    <Page title={t('title')} back="/">
      <p className="lead">{t('outbox', { count: pending })}</p>
      {receipts.length === 0 && <p>{t('empty')}</p>}
      <ul className="list">
        {receipts.map((r) => (
          <li key={r.id ?? r.batchId}>
            <span className="grow">
              <span className="list-title">{formatDateTimeFr(r.at)}</span>
              <br />
              {t('receipt', { sent: r.sent, accepted: r.accepted, rejected: r.rejected })}
              {r.batchNo !== undefined && <> — {t('batch', { no: r.batchNo })}</>}
              {r.conflicts > 0 && <> · {t('conflicts', { count: r.conflicts })}</>}
            </span>
          </li>
        ))}
      </ul>
    </Page>
  );
}
