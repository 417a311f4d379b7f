import type { DashboardQuery } from '@jigi/contract';
import { FilterBar } from '../../components/filter-bar';
import { filtersKey, useFilters } from '../../hooks/use-filters';
import { useScope } from '../../hooks/use-scope';
import { CiblagePanel } from './ciblage-panel';
import { HimoPanel } from './himo-panel';
import { MaPanel } from './ma-panel';
import { PnpPanel } from './pnp-panel';
import { SyncPanel } from './sync-panel';

/** Progress of the supervisor's zones, one panel per programme component, each loaded on its own. */
export function Dashboard() {
  const scope = useScope();
  const { filters, setFilters } = useFilters();
  const query: DashboardQuery = {
    ...(filters.zone ? { zone: filters.zone } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  };
  const key = filtersKey(query);
  return (
    <>
      <FilterBar
        filters={filters}
        onChange={setFilters}
        scope={scope}
        fields={['zone', 'from', 'to']}
      />
      <CiblagePanel query={query} queryKey={key} />
      <MaPanel query={query} queryKey={key} />
      <PnpPanel query={query} queryKey={key} />
      <HimoPanel query={query} queryKey={key} />
      <SyncPanel query={query} queryKey={key} />
    </>
  );
}
