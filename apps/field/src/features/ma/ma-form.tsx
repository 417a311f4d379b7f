import { IssueSummary } from '../../components/form/issue-summary';
import { RecordFormScreen, type RecordFormSpec } from '../../components/form/record-form-screen';
import { Page } from '../../components/page';
import { RecordStatusNotice, StatusBadge } from '../../components/record-status';
import type { RecordRow } from '../../storage/types';
import { useTranslation } from 'react-i18next';
import { AttendanceCounts, AttendanceSection } from './attendance-section';
import { SessionSection } from './session-section';

function SummarySection() {
  return (
    <>
      <AttendanceCounts />
      <IssueSummary />
    </>
  );
}

function MaReadOnly({ row }: { row: RecordRow }) {
  const { t } = useTranslation('ma');
  const lines = (row.record['attendance'] ?? []) as { status?: string }[];
  return (
    <Page title={t('formTitle')} back="/ma">
      <StatusBadge status={row.syncStatus} />
      <RecordStatusNotice row={row} />
      <p>
        {t('counts.present', { count: lines.filter((l) => l.status === 'present').length })} ·{' '}
        {t('counts.expected', { count: lines.length })}
      </p>
    </Page>
  );
}

/** An MA session: where and what, then a line per beneficiary household. */
export const maForm: RecordFormSpec = {
  recordType: 'ma_session',
  ns: 'ma',
  title: 'formTitle',
  back: () => '/ma',
  sections: { session: SessionSection, attendance: AttendanceSection, summary: SummarySection },
  readOnly: MaReadOnly,
};

export function MaForm({ id }: { id: string }) {
  return <RecordFormScreen spec={maForm} id={id} />;
}
