import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { useSession } from '../../lib/session';
import { liveValue, useLive } from '../../lib/use-live';
import { countOutbox } from '../../storage/outbox';
import { ExportPanel } from '../../sync/ui/export-panel';
import { SyncHistory as Receipts } from '../../sync/ui/sync-history';

/**
 * The sync screen: what is still waiting, the receipts of past syncs (« 42 envoyés, 42 acceptés,
 * 0 rejetés — lot n° … », with each rejected record's reason), and the export for when sync is
 * impossible.
 */
export function SyncHistory() {
  const { t } = useTranslation('history');
  const { user } = useSession();
  const pending = liveValue(useLive(() => countOutbox(user.id), [user.id]), 0);
  return (
    <Page title={t('title')} back="/">
      <p className="lead" data-testid="outbox-count">
        {t('outbox', { count: pending })}
      </p>
      <ExportPanel userId={user.id} />
      <Receipts userId={user.id} />
    </Page>
  );
}
