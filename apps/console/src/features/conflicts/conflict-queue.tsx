import { useState } from 'react';
import { Notice } from '../../components/notice';
import { listConflicts } from '../../api/conflicts';
import { FilterBar } from '../../components/filter-bar';
import { RemoteView } from '../../components/remote-view';
import { filtersKey, useFilters } from '../../hooks/use-filters';
import { useRemote } from '../../hooks/use-remote';
import { useScope } from '../../hooks/use-scope';
import { useSupervisorT } from '../../lib/i18n';
import { ConflictCard } from './conflict-card';

/** Open conflicts on critical fields; each resolution is a new server change that tablets pull. */
export function ConflictQueue() {
  const { t } = useSupervisorT();
  const scope = useScope();
  const { filters, setFilters } = useFilters();
  const [resolved, setResolved] = useState(0);
  const zone = filters.zone;
  const remote = useRemote(
    (signal) => listConflicts({ status: 'open', ...(zone ? { zone } : {}) }, signal),
    filtersKey({ ...(zone ? { zone } : {}) }),
  );
  return (
    <>
      <FilterBar filters={filters} onChange={setFilters} scope={scope} fields={['zone']} />
      {resolved > 0 && (
        <Notice tone="success">{t('conflicts.resolved', { count: resolved })}</Notice>
      )}
      <RemoteView
        remote={remote}
        reload={remote.reload}
        isEmpty={(v) => v.conflicts.length === 0}
        empty={t('conflicts.empty')}
      >
        {(value) => (
          <>
            <p className="lead">{t('conflicts.count', { count: value.conflicts.length })}</p>
            {value.conflicts.map((c) => (
              <ConflictCard
                key={c.id}
                conflict={c}
                onResolved={() => {
                  setResolved((n) => n + 1);
                  remote.reload();
                }}
              />
            ))}
          </>
        )}
      </RemoteView>
    </>
  );
}
