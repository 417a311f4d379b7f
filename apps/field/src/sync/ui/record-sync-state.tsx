import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/notice';
import type { RecordRejection } from '../../storage/sync-types';

const NS = 'sync-engine';

/**
 * What sync says about one record, for its detail screen: « En attente d'arbitrage » with the fields
 * waiting, or the server's reason for a rejection and how to send it again. Pass the record row's
 * `syncStatus`, `rejection` and `conflictPaths` (the sync engine keeps them on the row).
 */
export function RecordSyncState({
  status,
  rejection,
  conflictPaths,
  fieldLabel,
}: {
  status: string;
  rejection?: RecordRejection | undefined;
  conflictPaths?: readonly string[] | undefined;
  fieldLabel?: (path: string) => string;
}) {
  const { t } = useTranslation(NS);
  if (status === 'conflict') {
    return (
      <Notice tone="info">
        <strong data-testid="record-conflict">{t('recordStatus.conflict')}</strong>
        {conflictPaths && conflictPaths.length > 0 && (
          <> : {conflictPaths.map((p) => (fieldLabel ? fieldLabel(p) : p)).join(', ')}</>
        )}
        <br />
        {t('recordStatus.conflictHelp')}
      </Notice>
    );
  }
  if (status === 'rejected' && rejection) {
    return (
      <Notice tone="warning">
        <strong>{t('recordStatus.rejected')}</strong> :{' '}
        <span data-testid="record-rejection">{rejection.message}</span>
        {rejection.issues && rejection.issues.length > 0 && (
          <ul>
            {rejection.issues
              .filter((i) => i.severity === 'error')
              .map((i) => (
                <li key={`${i.path}-${i.message}`}>{i.message}</li>
              ))}
          </ul>
        )}
        <br />
        {t('recordStatus.rejectedHelp')}
      </Notice>
    );
  }
  return null;
}
