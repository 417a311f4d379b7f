import { getRecord } from '../../api/records';
import { WarningList } from '../../components/warning-list';
import { useRemote } from '../../hooks/use-remote';
import { useSupervisorT } from '../../lib/i18n';

/**
 * The warnings of one record of a batch, highlighted in the list. The batch detail gives only their
 * count, so their messages are read from the record (only for records that have some).
 */
export function RecordWarnings({ recordId, count }: { recordId: string; count: number }) {
  const { t } = useSupervisorT();
  const remote = useRemote((signal) => getRecord(recordId, signal), recordId);
  if (remote.status !== 'ready')
    return <p className="issue issue-warning">{t('warnings.title', { count })}</p>;
  return <WarningList warnings={remote.value.record.warnings} />;
}
