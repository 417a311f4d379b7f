import type { DashboardQuery } from '@jigi/contract';
import { getPnpSummary } from '../../api/dashboard';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { useSupervisorT } from '../../lib/i18n';
import { BarChart } from './bar-chart';
import { DataTable } from './data-table';
import { ChartAndTable, Panel } from './panel';

/** PNP children enrolled by MUAC colour, and referrals, per village. */
export function PnpPanel({ query, queryKey }: { query: DashboardQuery; queryKey: string }) {
  const { t } = useSupervisorT();
  const remote = useRemote((signal) => getPnpSummary(query, signal), queryKey);
  const title = t('dashboard.pnp.title');
  return (
    <Panel title={title}>
      <RemoteView
        remote={remote}
        reload={remote.reload}
        isEmpty={(v) => v.villages.length === 0}
        empty={t('dashboard.noData')}
      >
        {(v) => (
          <ChartAndTable
            chart={
              <BarChart
                title={title}
                stacked
                labels={v.villages.map((x) => x.villageName)}
                series={[
                  {
                    label: t('dashboard.pnp.red'),
                    data: v.villages.map((x) => x.red),
                    colour: '#d32f2f',
                  },
                  {
                    label: t('dashboard.pnp.yellow'),
                    data: v.villages.map((x) => x.yellow),
                    colour: '#ffd600',
                  },
                  {
                    label: t('dashboard.pnp.green'),
                    data: v.villages.map((x) => x.green),
                    colour: '#2e7d32',
                  },
                  {
                    label: t('dashboard.pnp.unmeasured'),
                    data: v.villages.map((x) => x.unmeasured),
                    colour: '#9e9e9e',
                  },
                ]}
              />
            }
            table={
              <DataTable
                caption={t('dashboard.pnp.caption')}
                rows={v.villages}
                rowKey={(x) => x.villageId}
                columns={[
                  { key: 'v', header: t('dashboard.village'), cell: (x) => x.villageName },
                  { key: 'r', header: t('dashboard.pnp.red'), cell: (x) => x.red, numeric: true },
                  {
                    key: 'y',
                    header: t('dashboard.pnp.yellow'),
                    cell: (x) => x.yellow,
                    numeric: true,
                  },
                  {
                    key: 'g',
                    header: t('dashboard.pnp.green'),
                    cell: (x) => x.green,
                    numeric: true,
                  },
                  {
                    key: 'u',
                    header: t('dashboard.pnp.unmeasured'),
                    cell: (x) => x.unmeasured,
                    numeric: true,
                  },
                  {
                    key: 'f',
                    header: t('dashboard.pnp.referrals'),
                    cell: (x) => x.referrals,
                    numeric: true,
                  },
                  {
                    key: 'w',
                    header: t('dashboard.pnp.women'),
                    cell: (x) => x.women,
                    numeric: true,
                  },
                ]}
              />
            }
          />
        )}
      </RemoteView>
    </Panel>
  );
}
