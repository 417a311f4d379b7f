import { ciblageOptions, householdSize } from '@jigi/domain';
import { useTranslation } from 'react-i18next';
import { Page } from '../../components/page';
import { RecordStatusNotice, StatusBadge } from '../../components/record-status';
import type { RecordRow } from '../../storage/types';

type Member = { relationToHead?: string; firstName?: string; lastName?: string };

/** A synced (or awaiting arbitration) survey: shown, not editable. */
export function CiblageReadOnly({ row }: { row: RecordRow }) {
  const { t } = useTranslation('ciblage');
  const members = (row.record['members'] ?? []) as Member[];
  const head = members.find((m) => m.relationToHead === 'chef');
  const result = typeof row.record['result'] === 'string' ? row.record['result'] : undefined;
  return (
    <Page title={t('formTitle')} back="/ciblage">
      <StatusBadge status={row.syncStatus} />
      <RecordStatusNotice row={row} />
      <dl className="summary">
        <dt>{t('fields.householdCode')}</dt>
        <dd>
          {typeof row.record['householdCode'] === 'string' ? row.record['householdCode'] : '—'}
        </dd>
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
      </dl>
    </Page>
  );
}
