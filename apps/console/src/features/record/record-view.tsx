import type { RecordDetailResponse as RecordDetail } from '@jigi/contract';
import { formatDateTimeFr } from '../../lib/format';
import { Link } from '../../lib/router';
import { getRecord } from '../../api/records';
import { consolePaths } from '../../components/console-link';
import { DecisionPanel } from '../../components/decision-panel';
import { RemoteView } from '../../components/remote-view';
import { ReviewStatusBadge } from '../../components/review-status-badge';
import { WarningList } from '../../components/warning-list';
import { useFilters } from '../../hooks/use-filters';
import { useRemote } from '../../hooks/use-remote';
import { useScope, villageName } from '../../hooks/use-scope';
import { useSupervisorT } from '../../lib/i18n';
import { RecordFields } from './record-fields';
import { recordTitle } from './record-title';
import { VersionHistoryView } from './version-history-view';

/** One record: its fields as in the form, warnings, decisions, and its full version history. */
export function RecordView({ id }: { id: string }) {
  const remote = useRemote((signal) => getRecord(id, signal), id);
  return (
    <RemoteView remote={remote} reload={remote.reload}>
      {(value) => <RecordBody detail={value} onChanged={remote.reload} />}
    </RemoteView>
  );
}

function RecordBody({ detail, onChanged }: { detail: RecordDetail; onChanged: () => void }) {
  const { t } = useSupervisorT();
  const scope = useScope();
  const { filters } = useFilters();
  const { record, versions, decisions, openConflictPaths, openTasks } = detail;
  const names = {
    village: villageName(scope, record.villageId),
    agent: record.createdByName,
  };
  return (
    <>
      <h2>{recordTitle(record.type, record.data, t)}</h2>
      <p className="row">
        <ReviewStatusBadge status={record.reviewStatus} />
        <span>{t(`recordTypes.${record.type}`, { defaultValue: record.type })}</span>
        <span>· {names.village}</span>
        <span>· {t('record.versionShort', { version: record.version })}</span>
        <span>· {t('record.updatedAt', { at: formatDateTimeFr(record.updatedAt) })}</span>
      </p>
      {record.deleted && <p className="issue issue-error">{t('record.deleted')}</p>}
      {openConflictPaths.length > 0 && (
        <p className="issue issue-warning">
          {t('record.openConflicts', { count: openConflictPaths.length })}{' '}
          <Link to={consolePaths.conflicts(filters)}>{t('record.toConflicts')}</Link>
        </p>
      )}
      {openTasks.map((task) => (
        <p key={task.id} className="issue issue-warning">
          {t('record.openTask', { at: formatDateTimeFr(task.createdAt) })} « {task.comment} »
        </p>
      ))}
      <WarningList warnings={record.warnings} />
      <h3>{t('decision.title')}</h3>
      <DecisionPanel recordIds={[record.id]} onDone={onChanged} />
      <RecordFields
        type={record.type}
        data={record.data}
        warnings={record.warnings}
        names={names}
      />
      <h2>{t('history.title')}</h2>
      <VersionHistoryView key={versions.length} type={record.type} versions={versions} />
      <h2>{t('decisions.title')}</h2>
      {decisions.length === 0 ? (
        <p>{t('decisions.none')}</p>
      ) : (
        <ul className="list">
          {decisions.map((d) => (
            <li key={`${d.at}|${d.decision}`}>
              <span className="list-title">
                {t(`decisions.kinds.${d.decision}`, { defaultValue: d.decision })}
              </span>
              <span>
                {t('decisions.by', {
                  who: d.userName,
                  at: formatDateTimeFr(d.at),
                  version: d.version,
                })}
              </span>
              {d.comment !== null && <span className="grow">« {d.comment} »</span>}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
