import type { DashboardQuery } from '@jigi/contract';
import { formatDateTimeFr } from '../../lib/format';
import { getSyncHealth } from '../../api/dashboard';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { useSupervisorT } from '../../lib/i18n';
import { BarChart } from './bar-chart';
import { DataTable } from './data-table';
import { ChartAndTable, Panel } from './panel';

/** Sync health per device: last sync, unsynced records it reported, rejections. */
export function SyncPanel({ query, queryKey }: { query: DashboardQuery; queryKey: string }) {
  const { t } = useSupervisorT();
  const remote = useRemote((signal) => getSyncHealth(query, signal), queryKey);
  const title = t('dashboard.sync.title');
  return (
    <Panel title={title}>
      <RemoteView
        remote={remote}
        reload={remote.reload}
        isEmpty={(v) => v.devices.length === 0}
        empty={t('dashboard.noData')}
      >
        {(v) => (
          <ChartAndTable
            chart={
              <BarChart
                title={title}
                labels={v.devices.map((d) => d.label)}
                series={[
                  {
                    label: t('dashboard.sync.unsynced'),
                    data: v.devices.map((d) => d.unsyncedReported ?? 0),
                    colour: '#8a5a00',
                  },
                  {
                    label: t('dashboard.sync.rejections'),
                    data: v.devices.map((d) => d.rejections),
                    colour: '#b00020',
                  },
                ]}
              />
            }
            table={
              <DataTable
                caption={t('dashboard.sync.caption')}
                rows={v.devices}
                rowKey={(d) => d.deviceId}
                columns={[
                  {
                    key: 'd',
                    header: t('dashboard.sync.device'),
                    cell: (d) =>
                      d.revoked ? t('dashboard.sync.revoked', { label: d.label }) : d.label,
                  },
                  { key: 'u', header: t('dashboard.sync.user'), cell: (d) => d.userName },
                  {
                    key: 'l',
                    header: t('dashboard.sync.lastSync'),
                    cell: (d) =>
                      d.lastSyncAt ? formatDateTimeFr(d.lastSyncAt) : t('dashboard.sync.never'),
                  },
                  {
                    key: 'n',
                    header: t('dashboard.sync.unsynced'),
                    cell: (d) => d.unsyncedReported ?? '—',
                    numeric: true,
                  },
                  {
                    key: 'r',
                    header: t('dashboard.sync.rejections'),
                    cell: (d) => d.rejections,
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
