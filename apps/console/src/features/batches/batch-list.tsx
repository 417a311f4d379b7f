import { ScrollTable } from '../../components/scroll-table';
import type { BatchListRow as Batch } from '@jigi/contract';
import { formatDateTimeFr } from '../../lib/format';
import { Link } from '../../lib/router';
import { Button } from '../../components/button';
import { useState } from 'react';
import { BATCH_PAGE_SIZE, listBatches } from '../../api/batches';
import { consolePaths } from '../../components/console-link';
import { FilterBar } from '../../components/filter-bar';
import { RemoteView } from '../../components/remote-view';
import { filtersKey, useFilters } from '../../hooks/use-filters';
import { useRemote } from '../../hooks/use-remote';
import { useScope, villageName } from '../../hooks/use-scope';
import { useSupervisorT } from '../../lib/i18n';
import { StatusCounts, TypeCounts } from './batch-counts';

/** Synced batches of the supervisor's zones, newest first, with filters and counts. */
export function BatchList() {
  const { t } = useSupervisorT();
  const scope = useScope();
  const { filters, setFilters } = useFilters();
  const [page, setPage] = useState(0);
  const key = `${filtersKey(filters)}|${String(page)}`;
  const remote = useRemote((signal) => listBatches(filters, page, signal), key);
  return (
    <>
      <FilterBar
        filters={filters}
        onChange={(next) => {
          setPage(0);
          setFilters(next);
        }}
        scope={scope}
        agents={agentOptions(remote.status === 'ready' ? remote.value.rows : [], filters.userId)}
        fields={['zone', 'userId', 'from', 'to', 'recordType', 'status']}
      />
      <RemoteView
        remote={remote}
        reload={remote.reload}
        isEmpty={(v) => v.rows.length === 0}
        empty={t('batches.empty')}
      >
        {(value) => (
          <>
            <p className="lead" role="status">
              {t('batches.total', { count: value.total })}
            </p>
            <ScrollTable label={t('batches.caption')}>
              <table className="sheet sup-table">
                <caption className="sr-only">{t('batches.caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('batches.number')}</th>
                    <th scope="col">{t('batches.receivedAt')}</th>
                    <th scope="col">{t('batches.agent')}</th>
                    <th scope="col">{t('batches.villages')}</th>
                    <th scope="col">{t('batches.records')}</th>
                    <th scope="col">{t('batches.review')}</th>
                  </tr>
                </thead>
                <tbody>
                  {value.rows.map((b) => (
                    <tr key={b.number}>
                      <td>
                        <Link to={consolePaths.batch(b.number, filters)} className="btn btn-small">
                          {t('batches.open', { number: b.number })}
                        </Link>
                      </td>
                      <td className="nowrap">{formatDateTimeFr(b.receivedAt)}</td>
                      <td>
                        {b.userName}
                        <br />
                        <span className="small">{b.deviceLabel}</span>
                      </td>
                      <td>{b.villages.map((v) => villageName(scope, v)).join(', ')}</td>
                      <td>
                        <TypeCounts counts={b.counts} />
                      </td>
                      <td>
                        <StatusCounts counts={b.statusCounts} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollTable>
            <div className="row">
              <Button
                onClick={() => {
                  setPage((p) => Math.max(0, p - 1));
                }}
                disabled={page === 0}
              >
                {t('previousPage')}
              </Button>
              <span>
                {t('pageOf', {
                  page: page + 1,
                  pages: Math.max(1, Math.ceil(value.total / BATCH_PAGE_SIZE)),
                })}
              </span>
              <Button
                onClick={() => {
                  setPage((p) => p + 1);
                }}
                disabled={(page + 1) * BATCH_PAGE_SIZE >= value.total}
              >
                {t('nextPage')}
              </Button>
            </div>
          </>
        )}
      </RemoteView>
    </>
  );
}

/** Agents seen in the listed batches (the API has no agent list for supervisors yet), plus the one filtered on. */
function agentOptions(
  rows: readonly Batch[],
  selected: string | undefined,
): { id: string; name: string }[] {
  const byId = new Map<string, string>();
  for (const b of rows) byId.set(b.userId, b.userName);
  if (selected !== undefined && !byId.has(selected)) byId.set(selected, selected);
  return [...byId]
    .map(([id, name]) => ({ id, name }))
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
}
