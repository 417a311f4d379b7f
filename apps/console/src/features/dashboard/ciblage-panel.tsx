import type { DashboardQuery } from '@jigi/contract';
import { ciblageOptions } from '@jigi/domain';
import { getCiblageProgress } from '../../api/dashboard';
import { RemoteView } from '../../components/remote-view';
import { useRemote } from '../../hooks/use-remote';
import { useSupervisorT } from '../../lib/i18n';
import { BarChart } from './bar-chart';
import { DataTable } from './data-table';
import { ChartAndTable, Panel } from './panel';
import { formatPercent, rate } from './rates';

/** « Ménage absent : 2 · Refus : 1 »: the outcomes of the failed visits, those that happened. */
function failedOutcomes(byOutcome: Readonly<Record<string, number>>): string {
  const labels: Readonly<Record<string, string>> = ciblageOptions.interviewResult.labels;
  return Object.entries(byOutcome)
    .filter(([, n]) => n > 0)
    .map(([outcome, n]) => `${labels[outcome] ?? outcome} : ${String(n)}`)
    .join(' · ');
}

/**
 * Ciblage households surveyed against each village's quota; visits without an interview (absent,
 * refusal, moved…) counted apart, by outcome.
 */
export function CiblagePanel({ query, queryKey }: { query: DashboardQuery; queryKey: string }) {
  const { t } = useSupervisorT();
  const remote = useRemote((signal) => getCiblageProgress(query, signal), queryKey);
  const title = t('dashboard.ciblage.title');
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
                labels={v.villages.map((x) => x.villageName)}
                series={[
                  {
                    label: t('dashboard.ciblage.surveyed'),
                    data: v.villages.map((x) => x.surveyed),
                    colour: '#0b4f3c',
                  },
                  {
                    label: t('dashboard.ciblage.quota'),
                    data: v.villages.map((x) => x.quota ?? 0),
                    colour: '#9ec5b8',
                  },
                ]}
              />
            }
            table={
              <DataTable
                caption={t('dashboard.ciblage.caption')}
                rows={v.villages}
                rowKey={(x) => x.villageId}
                columns={[
                  { key: 'v', header: t('dashboard.village'), cell: (x) => x.villageName },
                  {
                    key: 's',
                    header: t('dashboard.ciblage.surveyed'),
                    cell: (x) => x.surveyed,
                    numeric: true,
                  },
                  {
                    key: 'f',
                    header: t('dashboard.ciblage.failedVisits'),
                    cell: (x) => x.failedVisits,
                    numeric: true,
                  },
                  {
                    key: 'fo',
                    header: t('dashboard.ciblage.failedOutcomes'),
                    // Empty when none: the count beside it already says 0.
                    cell: (x) => failedOutcomes(x.failedByOutcome),
                  },
                  {
                    key: 'q',
                    header: t('dashboard.ciblage.quota'),
                    cell: (x) => x.quota ?? '—',
                    numeric: true,
                  },
                  {
                    key: 'p',
                    header: t('dashboard.ciblage.progress'),
                    cell: (x) => formatPercent(x.quota === null ? null : rate(x.surveyed, x.quota)),
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
