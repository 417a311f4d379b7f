import { useTranslation } from 'react-i18next';
import { formatDateTimeFr } from '../../lib/format';
import { useLive } from '../../lib/use-live';
import { syncHistory } from '../../storage/sync-receipts';
import type { SyncReceiptRow } from '../../storage/sync-types';

const NS = 'sync-engine';

/**
 * « 42 envoyés, 42 acceptés, 0 rejeté — lot n° 12 »; « lot déjà reçu » when the server had every
 * batch already (a resend after a lost answer); « Tout est à jour » when nothing was sent.
 */
export function ReceiptLine({ receipt }: { receipt: SyncReceiptRow }) {
  const { t } = useTranslation(NS);
  if (receipt.sent === 0 && receipt.error === undefined) {
    return (
      <span data-testid="sync-receipt">
        {t('upToDate')}
        {receipt.pulled > 0 && ` · ${t('pulled', { count: receipt.pulled })}`}
      </span>
    );
  }
  const replayed = receipt.replayedBatches ?? 0;
  const batches =
    receipt.batchNos.length > 0
      ? [
          t('receipt.batches', { numbers: receipt.batchNos.join(', ') }),
          ...(replayed > 0 ? [t('receipt.replayed', { count: replayed })] : []),
        ].join(' · ')
      : receipt.sent > 0
        ? t('receipt.noBatch')
        : '';
  return (
    <span data-testid="sync-receipt">
      {/* Each count agrees on its own: French « 1 envoyé » (and « 0 rejeté »), « 2 envoyés ». */}
      {t('receipt.summary', {
        sent: t('receipt.sent', { count: receipt.sent }),
        accepted: t('receipt.accepted', { count: receipt.accepted }),
        rejected: t('receipt.rejected', { count: receipt.rejected }),
      })}
      {batches && ` — ${batches}`}
      {receipt.conflicts > 0 && ` · ${t('receipt.conflicts', { count: receipt.conflicts })}`}
      {receipt.error !== undefined && ` · ${t('receipt.interrupted')}`}
    </span>
  );
}

/** The sync history of the user, newest first, with each rejected record and its reason. Mount on the sync screen. */
export function SyncHistory({ userId }: { userId: string }) {
  const { t } = useTranslation(NS);
  const live = useLive(async () => {
    const res = await syncHistory(userId, 30);
    return res.ok ? res.value : [];
  }, [userId]);
  const rows = live.status === 'ready' ? live.value : [];
  return (
    <section aria-label={t('historyTitle')}>
      <h2>{t('historyTitle')}</h2>
      {rows.length === 0 && <p>{t('historyEmpty')}</p>}
      <ul className="sync-history">
        {rows.map((r) => (
          <li key={r.id}>
            <time dateTime={r.at}>{formatDateTimeFr(r.at)}</time> <ReceiptLine receipt={r} />
            {r.rejections.length > 0 && (
              <ul>
                {r.rejections.map((x) => (
                  <li key={`${x.recordId}-${x.code}`}>
                    {t('receipt.rejectedRecord', {
                      id: x.recordId.slice(0, 8),
                      message: x.message,
                    })}
                  </li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
