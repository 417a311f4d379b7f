import type { DashboardQuery } from '@jigi/contract';
import { formatFcfa } from '@jigi/domain';
import { getHimoSummary } from '../../api/dashboard';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { useSupervisorT } from '../../lib/i18n';
import { BarChart } from './bar-chart';
import { DataTable } from './data-table';
import { ChartAndTable, Panel } from './panel';
import { formatDays } from './rates';

/** HIMO days worked and wages due per microproject. */
export function HimoPanel({ query, queryKey }: { query: DashboardQuery; queryKey: string }) {
  const { t } = useSupervisorT();
  const remote = useRemote((signal) => getHimoSummary(query, signal), queryKey);
  const title = t('dashboard.himo.title');
  return (
    <Panel title={title}>
      <RemoteView
        remote={remote}
        reload={remote.reload}
        isEmpty={(v) => v.microprojects.length === 0}
        empty={t('dashboard.noData')}
      >
        {(v) => (
          <ChartAndTable
            chart={
              <BarChart
                title={title}
                labels={v.microprojects.map((m) => m.name)}
                series={[
                  {
                    label: t('dashboard.himo.days'),
                    data: v.microprojects.map((m) => m.daysWorked),
                    colour: '#8a5a00',
                  },
                ]}
              />
            }
            table={
              <DataTable
                caption={t('dashboard.himo.caption')}
                rows={v.microprojects}
                rowKey={(m) => m.projectId}
                columns={[
                  { key: 'n', header: t('dashboard.himo.project'), cell: (m) => m.name },
                  {
                    key: 'w',
                    header: t('dashboard.himo.workers'),
                    cell: (m) => m.workers,
                    numeric: true,
                  },
                  {
                    key: 'd',
                    header: t('dashboard.himo.days'),
                    cell: (m) => formatDays(m.daysWorked),
                    numeric: true,
                  },
                  {
                    key: 'f',
                    header: t('dashboard.himo.wages'),
                    cell: (m) => formatFcfa(m.wagesDueFcfa),
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
