import { useTranslation } from 'react-i18next';
import { IssueSummary } from '../../components/form/issue-summary';
import { RecordFormScreen, type RecordFormSpec } from '../../components/form/record-form-screen';
import { Page } from '../../components/page';
import { RecordStatusNotice, StatusBadge } from '../../components/record-status';
import type { RecordRow } from '../../storage/types';
import { AssemblyCounts, ListSection } from './list-section';
import { MeetingSection } from './meeting-section';

function SummarySection() {
  return (
    <>
      <AssemblyCounts />
      <IssueSummary />
    </>
  );
}

function AssemblyReadOnly({ row }: { row: RecordRow }) {
  const { t } = useTranslation('assembly');
  const lines = (row.record['households'] ?? []) as { headName?: string; decision?: string }[];
  return (
    <Page title={t('formTitle')} back="/assembly">
      <StatusBadge status={row.syncStatus} />
      <RecordStatusNotice row={row} />
      <ol>
        {lines.map((l, i) => (
          <li key={i}>
            {l.headName} — {l.decision ? t(`decision.${l.decision}`) : t('undecided')}
          </li>
        ))}
      </ol>
    </Page>
  );
}

/** A village assembly: the list read out (names only), then the meeting and its minutes. */
export const assemblyForm: RecordFormSpec = {
  recordType: 'assembly_validation',
  ns: 'assembly',
  title: 'formTitle',
  back: () => '/assembly',
  sections: { list: ListSection, meeting: MeetingSection, summary: SummarySection },
  readOnly: AssemblyReadOnly,
};

export function AssemblyForm({ id }: { id: string }) {
  return <RecordFormScreen spec={assemblyForm} id={id} />;
}
