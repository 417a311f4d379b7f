import { useTranslation } from 'react-i18next';
import { fieldPathLabel } from '../lib/field-path-label';
import type { WorkStatus } from '../storage/records';
import type { RecordRow } from '../storage/types';
import { RecordSyncState } from '../sync/ui/record-sync-state';
import { Notice } from './notice';

export function StatusBadge({ status }: { status: WorkStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`statusLabels.${status}`)}</span>;
}

/**
 * Why a record is shown read-only, and the supervisor's or server's word on it: « en attente
 * d'arbitrage » with the fields waiting, or the server's reason for a rejection and how to resend.
 */
export function RecordStatusNotice({
  row,
}: {
  row: Pick<RecordRow, 'syncStatus' | 'supervisorComment' | 'rejection' | 'conflictPaths'>;
}) {
  const { t } = useTranslation();
  return (
    <>
      {row.syncStatus === 'synced' && <Notice tone="info">{t('form.readOnly')}</Notice>}
      {row.supervisorComment &&
        (row.syncStatus === 'returned' || row.syncStatus === 'finalised') && (
          <Notice tone="warning">
            <strong>{t('form.supervisorComment')} : </strong>
            {row.supervisorComment}
          </Notice>
        )}
      <RecordSyncState
        status={row.syncStatus}
        rejection={row.rejection}
        conflictPaths={row.conflictPaths}
        fieldLabel={fieldPathLabel}
      />
    </>
  );
}
