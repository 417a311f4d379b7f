import { useTranslation } from 'react-i18next';
import type { WorkStatus } from '../storage/records';
import type { RecordRow } from '../storage/types';
import { Notice } from './notice';

export function StatusBadge({ status }: { status: WorkStatus }) {
  const { t } = useTranslation();
  return <span className={`badge badge-${status}`}>{t(`statusLabels.${status}`)}</span>;
}

/** Why a record is shown read-only, and the supervisor's or server's word on it. */
export function RecordStatusNotice({ row }: { row: Pick<RecordRow, 'syncStatus' | 'supervisorComment' | 'rejection'> }) {
  const { t } = useTranslation();
  return (
    <>
      {row.syncStatus === 'synced' && <Notice tone="info">{t('form.readOnly')}</Notice>}
      {row.syncStatus === 'conflict' && <Notice tone="warning">{t('form.conflict')}</Notice>}
      {row.supervisorComment && (row.syncStatus === 'returned' || row.syncStatus === 'finalised') && (
        <Notice tone="warning">
          <strong>{t('form.supervisorComment')} : </strong>
          {row.supervisorComment}
        </Notice>
      )}
      {row.syncStatus === 'rejected' && row.rejection && (
        <Notice tone="error">
          <strong>{t('form.rejection')} : </strong>
          {row.rejection.message}
        </Notice>
      )}
    </>
  );
}
