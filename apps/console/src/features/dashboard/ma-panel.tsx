import type { DashboardQuery } from '@jigi/contract';
import { formatDateFr } from '@jigi/domain';
import { getMaAttendance } from '../../api/dashboard';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { useSupervisorT } from '../../lib/i18n';
import { BarChart } from './bar-chart';
import { DataTable } from './data-table';
import { ChartAndTable, Panel } from './panel';
import { formatPercent, rate } from './rates';

/** MA attendance rate per session and per household over the cycle. */
export function MaPanel({ query, queryKey }: { query: DashboardQuery; queryKey: string }) {
  const { t } = useSupervisorT();
  const remote = useRemote((signal) => getMaAttendance(query, signal), queryKey);
  const title = t('dashboard.ma.title');
  return (
    <Panel title={title}>
      <RemoteView
        remote={remote}
        reload={remote.reload}
        isEmpty={(v) => v.sessions.length === 0}
        empty={t('dashboard.noData')}
      >
        {(v) => {
          const sessionLabel = (s: (typeof v.sessions)[number]) =>
            t('dashboard.ma.sessionLabel', {
              village: s.villageName,
              no: s.sessionNo,
              date: formatDateFr(s.date),
            });
          return (
            <>
              <h3>{t('dashboard.ma.perSession')}</h3>
              <ChartAndTable
                chart={
                  <BarChart
                    title={t('dashboard.ma.perSession')}
                    labels={v.sessions.map(sessionLabel)}
                    max={100}
                    series={[
                      {
                        label: t('dashboard.ma.rate'),
                        data: v.sessions.map((s) => rate(s.present, s.expected) ?? 0),
                        colour: '#0b4f3c',
                      },
                    ]}
                  />
                }
                table={
                  <DataTable
                    caption={t('dashboard.ma.perSessionCaption')}
                    rows={v.sessions}
                    rowKey={(s) => s.recordId}
                    columns={[
                      { key: 's', header: t('dashboard.ma.session'), cell: sessionLabel },
                      {
                        key: 'p',
                        header: t('dashboard.ma.present'),
                        cell: (s) => s.present,
                        numeric: true,
                      },
                      {
                        key: 'e',
                        header: t('dashboard.ma.expected'),
                        cell: (s) => s.expected,
                        numeric: true,
                      },
                      {
                        key: 'r',
                        header: t('dashboard.ma.rate'),
                        cell: (s) => formatPercent(rate(s.present, s.expected)),
                        numeric: true,
                      },
                    ]}
                  />
                }
              />
              <h3>{t('dashboard.ma.perHousehold')}</h3>
              <ChartAndTable
                chart={
                  <BarChart
                    title={t('dashboard.ma.perHousehold')}
                    labels={v.households.map((h) => h.householdCode)}
                    max={100}
                    series={[
                      {
                        label: t('dashboard.ma.rate'),
                        data: v.households.map((h) => rate(h.present, h.sessions) ?? 0),
                        colour: '#1a56db',
                      },
                    ]}
                  />
                }
                table={
                  <DataTable
                    caption={t('dashboard.ma.perHouseholdCaption')}
                    rows={v.households}
                    rowKey={(h) => h.householdId}
                    columns={[
                      {
                        key: 'h',
                        header: t('dashboard.ma.household'),
                        cell: (h) => h.householdCode,
                      },
                      { key: 'v', header: t('dashboard.village'), cell: (h) => h.villageName },
                      {
                        key: 'p',
                        header: t('dashboard.ma.attended'),
                        cell: (h) => h.present,
                        numeric: true,
                      },
                      {
                        key: 's',
                        header: t('dashboard.ma.sessions'),
                        cell: (h) => h.sessions,
                        numeric: true,
                      },
                      {
                        key: 'r',
                        header: t('dashboard.ma.rate'),
                        cell: (h) => formatPercent(rate(h.present, h.sessions)),
                        numeric: true,
                      },
                    ]}
                  />
                }
              />
            </>
          );
        }}
      </RemoteView>
    </Panel>
  );
}
