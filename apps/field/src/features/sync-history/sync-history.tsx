import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { useSession } from '../../lib/session';
import { useLive } from '../../lib/use-live';
import { leaveCheck } from '../../storage/sync-session';
import { ExportPanel } from '../../sync/ui/export-panel';
import { SyncHistory as Receipts } from '../../sync/ui/sync-history';

/**
 * The sync screen: what is still waiting, the receipts of past syncs (« 42 envoyés, 42 acceptés,
 * 0 rejeté — lot n° … », with each rejected record's reason), and the export for when sync is
 * impossible.
 */
export function SyncHistory() {
  const { t } = useTranslation('history');
  const { user } = useSession();
  const waiting = useLive(async () => {
    const res = await leaveCheck(user.id);
    return res.ok ? res.value : undefined;
  }, [user.id]);
  const counts = waiting.status === 'ready' ? waiting.value : undefined;
  return (
    <Page title={t('title')} back="/">
      {counts && (
        <p className="lead" data-testid="outbox-count">
          {t('outbox', { count: counts.unsent + counts.exported })}
          {counts.exported > 0 && ` ${t('exported', { count: counts.exported })}`}
        </p>
      )}
      <ExportPanel userId={user.id} />
      <Receipts userId={user.id} />
    </Page>
  );
}
