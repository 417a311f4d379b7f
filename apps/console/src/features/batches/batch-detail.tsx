import type { BatchDetailResponse as Detail, BatchRecord } from '@jigi/contract';
import { useState } from 'react';
import { formatDateTimeFr } from '../../lib/format';
import { Link } from '../../lib/router';
import { getBatch } from '../../api/batches';
import { consolePaths } from '../../components/console-link';
import { DecisionPanel } from '../../components/decision-panel';
import { RemoteView } from '../../components/remote-view';
import { ReviewStatusBadge } from '../../components/review-status-badge';
import { useFilters } from '../../hooks/use-filters';
import { useRemote } from '../../hooks/use-remote';
import { useScope, villageName } from '../../hooks/use-scope';
import { useSupervisorT } from '../../lib/i18n';
import { recordTitle } from '../record/record-title';
import { TypeCounts } from './batch-counts';
import { RecordWarnings } from './record-warnings';

/** One batch: who sent it and when, its records with their warnings, decisions per record or in bulk. */
export function BatchDetail({ number }: { number: number }) {
  const remote = useRemote((signal) => getBatch(number, signal), String(number));
  return (
    <RemoteView remote={remote} reload={remote.reload}>
      {(value) => <BatchBody detail={value} onChanged={remote.reload} />}
    </RemoteView>
  );
}

const reviewable = (r: BatchRecord) =>
  !r.deleted && (r.reviewStatus === 'received' || r.reviewStatus === 'returned');

function BatchBody({ detail, onChanged }: { detail: Detail; onChanged: () => void }) {
  const { t } = useSupervisorT();
  const scope = useScope();
  const { filters } = useFilters();
  const { batch, records, rejected } = detail;
  const [selected, setSelected] = useState<ReadonlySet<string>>(
    () => new Set(records.filter(reviewable).map((r) => r.id)),
  );
  const toggle = (id: string) => {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  };
  const selectable = records.filter((r) => !r.deleted);
  const allSelected = selectable.length > 0 && selectable.every((r) => selected.has(r.id));
  // A record is named from its content: household code and head, session number and date…
  const label = (r: BatchRecord) => recordTitle(r.type, r.data, t);
  return (
    <>
      <dl className="summary">
        <dt>{t('batch.agent')}</dt>
        <dd>{batch.userName}</dd>
        <dt>{t('batch.device')}</dt>
        <dd>{batch.deviceLabel}</dd>
        <dt>{t('batch.receivedAt')}</dt>
        <dd>{formatDateTimeFr(batch.receivedAt)}</dd>
        {Math.abs(batch.clockOffsetMs) >= 60_000 && (
          <>
            <dt>{t('batch.clockOffset')}</dt>
            <dd>
              {t('batch.clockOffsetValue', { minutes: Math.round(batch.clockOffsetMs / 60_000) })}
            </dd>
          </>
        )}
        <dt>{t('batch.villages')}</dt>
        <dd>{batch.villages.map((v) => villageName(scope, v)).join(', ')}</dd>
        <dt>{t('batch.records')}</dt>
        <dd>
          <TypeCounts counts={batch.counts} />
        </dd>
      </dl>
      {rejected.length > 0 && (
        <p className="issue issue-error">
          {t('batch.rejected', {
            count: rejected.length,
            codes: [...new Set(rejected.map((r) => r.reasonCode))].join(', '),
          })}
        </p>
      )}
      {records.length === 0 ? (
        <p>{t('batch.noRecords')}</p>
      ) : (
        <>
          <h2>{t('batch.recordsTitle')}</h2>
          <label className="checkbox-field row">
            <input
              type="checkbox"
              className="sup-check"
              checked={allSelected}
              onChange={() => {
                setSelected(allSelected ? new Set() : new Set(selectable.map((r) => r.id)));
              }}
            />
            {t('batch.selectAll')}
          </label>
          <ul className="list sup-records">
            {records.map((r) => (
              <li key={r.id} className={r.warningCount > 0 ? 'sup-row-warning' : undefined}>
                <input
                  type="checkbox"
                  className="sup-check"
                  aria-label={t('batch.select', { title: label(r) })}
                  checked={selected.has(r.id)}
                  disabled={r.deleted}
                  onChange={() => {
                    toggle(r.id);
                  }}
                />
                <div className="grow">
                  <div className="list-title">{label(r)}</div>
                  <div className="small">
                    {villageName(scope, r.villageId)} ·{' '}
                    {t('record.versionShort', { version: r.version })} · {r.id.slice(0, 8)}
                    {r.deleted && ` · ${t('batch.deleted')}`}
                  </div>
                  {r.warningCount > 0 && <RecordWarnings recordId={r.id} count={r.warningCount} />}
                </div>
                <ReviewStatusBadge status={r.reviewStatus} />
                <Link to={consolePaths.record(r.id, filters)} className="btn btn-small">
                  {t('batch.view')}
                  <span className="visually-hidden"> : {label(r)}</span>
                </Link>
              </li>
            ))}
          </ul>
          <h2>{t('batch.bulkTitle', { count: selected.size })}</h2>
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
