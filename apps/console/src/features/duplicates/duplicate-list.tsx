import { useState } from 'react';
import { Notice } from '../../components/notice';
import { candidateKey, listDuplicates } from '../../api/duplicates';
import { FilterBar } from '../../components/filter-bar';
import { RemoteView } from '../../components/remote-view';
import { filtersKey, useFilters } from '../../hooks/use-filters';
import { useRemote } from '../../hooks/use-remote';
import { useScope } from '../../hooks/use-scope';
import { useSupervisorT } from '../../lib/i18n';
import { DuplicatePair } from './duplicate-pair';

/** Duplicate household candidates of the supervisor's zones. */
export function DuplicateList() {
  const { t } = useSupervisorT();
  const scope = useScope();
  const { filters, setFilters } = useFilters();
  const [done, setDone] = useState<string | null>(null);
  const zone = filters.zone;
  const remote = useRemote(
    (signal) => listDuplicates(zone ? { zone } : {}, signal),
    filtersKey(zone ? { zone } : {}),
  );
  return (
    <>
      <FilterBar filters={filters} onChange={setFilters} scope={scope} fields={['zone']} />
      {done && <Notice tone="success">{done}</Notice>}
      <RemoteView
        remote={remote}
        reload={remote.reload}
        isEmpty={(v) => v.candidates.length === 0}
        empty={t('duplicates.empty')}
      >
        {(value) => (
          <>
            <p className="lead">{t('duplicates.count', { count: value.candidates.length })}</p>
            {value.candidates.map((d) => (
              <DuplicatePair
                key={candidateKey(d)}
                candidate={d}
                onResolved={(text) => {
                  setDone(text);
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
