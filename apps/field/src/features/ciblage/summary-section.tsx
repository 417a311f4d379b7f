import { ciblageOptions, householdSize } from '@jigi/domain';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { IssueSummary } from '../../components/form/issue-summary';
import { liveValue, useLive } from '../../lib/use-live';
import { allVillages } from '../../storage/reference';

type Member = { relationToHead?: string; firstName?: string; lastName?: string };

/** What will be sent, before finalising. No score, ever (docs/decisions.md §5). */
export function SummarySection() {
  const { t } = useTranslation('ciblage');
  const members = (useWatch({ name: 'members' }) ?? []) as Member[];
  const villageId = useWatch({ name: 'villageId' }) as string | undefined;
  const result = useWatch({ name: 'result' }) as string | undefined;
  const gps = useWatch({ name: 'gps' }) as
    { lat: number; lon: number; accuracyM: number } | undefined;
  const villages = liveValue(useLive(allVillages, []), []);
  const head = members.find((m) => m.relationToHead === 'chef');
  return (
    <>
      <dl className="summary">
        <dt>{t('summary.village')}</dt>
        <dd>{villages.find((v) => v.id === villageId)?.name ?? '—'}</dd>
        <dt>{t('summary.result')}</dt>
        <dd>
          {result
            ? t(`options:interviewResult.${result}`, {
                defaultValue:
                  (ciblageOptions.interviewResult.labels as Record<string, string>)[result] ??
                  result,
              })
            : '—'}
        </dd>
        <dt>{t('summary.head')}</dt>
        <dd>{head ? `${head.firstName ?? ''} ${head.lastName ?? ''}` : '—'}</dd>
        <dt>{t('summary.householdSize')}</dt>
        <dd>{householdSize({ members })}</dd>
        <dt>{t('summary.gps')}</dt>
        <dd>
          {gps ? t('gps.point', { lat: gps.lat, lon: gps.lon, accuracy: gps.accuracyM }) : '—'}
        </dd>
      </dl>
      <p className="small">{t('summary.noScore')}</p>
      <IssueSummary />
    </>
  );
}
