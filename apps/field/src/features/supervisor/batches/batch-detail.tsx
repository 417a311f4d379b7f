import { useState } from 'react';
import { formatDateTimeFr } from '../../../lib/format';
import { Link } from '../../../lib/router';
import { getBatch, type BatchDetail as Detail } from '../api/batches';
import { consolePaths } from '../components/console-link';
import { DecisionPanel } from '../components/decision-panel';
import { RemoteView } from '../components/remote-view';
import { ReviewStatusBadge } from '../components/review-status-badge';
import { WarningList } from '../components/warning-list';
import { useFilters } from '../hooks/use-filters';
import { useRemote } from '../hooks/use-remote';
import { agentName, useScope, villageName } from '../hooks/use-scope';
import { useSupervisorT } from '../i18n';
import { recordTitle } from '../record/record-title';
import { TypeCounts } from './batch-counts';

/** One batch: who sent it and when, its records with their warnings, decisions per record or in bulk. */
export function BatchDetail({ number }: { number: number }) {
  const remote = useRemote((token, signal) => getBatch(token, number, signal), String(number));
  return (
    <RemoteView remote={remote} reload={remote.reload}>
      {(value) => <BatchBody detail={value} onChanged={remote.reload} />}
    </RemoteView>
  );
}

function BatchBody({ detail, onChanged }: { detail: Detail; onChanged: () => void }) {
  const { t } = useSupervisorT();
  const scope = useScope();
  const { filters } = useFilters();
  const { batch, records } = detail;
  const pending = records.filter((r) => r.reviewStatus === 'received' || r.reviewStatus === 'returned').map((r) => r.id);
  const [selected, setSelected] = useState<ReadonlySet<string>>(() => new Set(pending));
  const toggle = (id: string) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };
  const allSelected = records.length > 0 && records.every((r) => selected.has(r.id));
  return (
    <>
      <h2>{t('batch.title', { number: batch.number })}</h2>
      <dl className="summary">
        <dt>{t('batch.agent')}</dt>
        <dd>{agentName(scope, batch.userId, batch.userName)}</dd>
        <dt>{t('batch.device')}</dt>
        <dd>{batch.deviceLabel ?? batch.deviceId}</dd>
        <dt>{t('batch.receivedAt')}</dt>
        <dd>{formatDateTimeFr(batch.receivedAt)}</dd>
        {batch.clockOffsetMs !== undefined && Math.abs(batch.clockOffsetMs) >= 60_000 && (
          <>
            <dt>{t('batch.clockOffset')}</dt>
            <dd>{t('batch.clockOffsetValue', { minutes: Math.round(batch.clockOffsetMs / 60_000) })}</dd>
          </>
        )}
        <dt>{t('batch.villages')}</dt>
        <dd>{batch.villages.map((v) => villageName(scope, v)).join(', ')}</dd>
        <dt>{t('batch.records')}</dt>
        <dd>
          <TypeCounts counts={batch.counts} />
        </dd>
      </dl>
      {records.length === 0 ? (
        <p>{t('batch.noRecords')}</p>
      ) : (
        <>
          <h3>{t('batch.recordsTitle')}</h3>
          <label className="checkbox-field row">
            <input
              type="checkbox"
              className="sup-check"
              checked={allSelected}
              onChange={() => { setSelected(allSelected ? new Set() : new Set(records.map((r) => r.id))); }}
            />
            {t('batch.selectAll')}
          </label>
          <ul className="list sup-records">
            {records.map((r) => {
              const title = recordTitle(r.type, r.data, t);
              return (
                <li key={r.id} className={r.warnings.length > 0 ? 'sup-row-warning' : undefined}>
                  <input type="checkbox" className="sup-check" aria-label={t('batch.select', { title })} checked={selected.has(r.id)} onChange={() => { toggle(r.id); }} />
                  <div className="grow">
                    <div className="list-title">{title}</div>
                    <div className="small">
                      {t(`recordTypes.${r.type}`, { defaultValue: r.type })} · {villageName(scope, r.villageId)} · {t('record.versionShort', { version: r.version })}
                    </div>
                    <WarningList warnings={r.warnings} />
                    {r.openConflictPaths.length > 0 && <p className="issue issue-warning">{t('batch.openConflicts', { count: r.openConflictPaths.length })}</p>}
                  </div>
                  <ReviewStatusBadge status={r.reviewStatus} />
                  <Link to={consolePaths.record(r.id, filters)} className="btn btn-small" aria-label={t('batch.openRecord', { title })}>
                    {t('batch.view')}
                  </Link>
                </li>
              );
            })}
          </ul>
          <h3>{t('batch.bulkTitle', { count: selected.size })}</h3>
          <DecisionPanel
            recordIds={[...selected]}
            bulk
            onDone={() => {
              setSelected(new Set());
              onChanged();
            }}
          />
        </>
      )}
    </>
  );
}
