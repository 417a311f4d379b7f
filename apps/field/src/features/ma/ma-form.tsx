import { validateRecord } from '@jigi/domain';
import { SectionFooter } from '../../components/form/section-footer';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { DraftGate } from '../../components/draft-gate';
import { FinaliseBar } from '../../components/form/finalise-bar';
import { IssueSummary } from '../../components/form/issue-summary';
import { RecordFormProvider } from '../../components/form/record-form-provider';
import { SaveIndicator } from '../../components/form/save-indicator';
import { SectionNav, type Section } from '../../components/form/section-nav';
import { useRecordForm } from '../../components/form/use-record-form';
import { Page } from '../../components/page';
import { RecordStatusNotice, StatusBadge } from '../../components/record-status';
import { todayIso } from '../../lib/clock';
import { useProgramSettings } from '../../lib/program-settings';
import { useSession } from '../../lib/session';
import type { AnyRecord, DraftRow, RecordRow } from '../../storage/types';
import { AttendanceCounts, AttendanceSection } from './attendance-section';
import { SessionSection } from './session-section';

const SECTIONS = ['session', 'attendance', 'summary'] as const;
type MaSection = (typeof SECTIONS)[number];

export function MaForm({ id }: { id: string }) {
  const { user } = useSession();
  return (
    <DraftGate
      id={id}
      agentId={user.id}
      firstSection="session"
      readOnly={(row) => <MaReadOnly row={row} />}
    >
      {(draft) => <MaEditor draft={draft} />}
    </DraftGate>
  );
}

function MaEditor({ draft }: { draft: DraftRow }) {
  const { t } = useTranslation('ma');
  const { user } = useSession();
  const settings = useProgramSettings();
  const validate = useCallback(
    (r: AnyRecord, mode: 'draft' | 'final') =>
      validateRecord(r, { today: todayIso(), settings }, { draft: mode === 'draft' }).issues,
    [settings],
  );
  const engine = useRecordForm({ draft, agentId: user.id, validate });
  const sections: Section[] = [
    {
      id: 'session',
      title: t('sections.session'),
      prefixes: [
        'villageId',
        'date',
        'startTime',
        'durationMin',
        'themes',
        'sessionNo',
        'facilitator',
        'partnerNgo',
        'languageUsed',
        'place',
        'menCount',
        'womenCount',
        'observations',
      ],
    },
    { id: 'attendance', title: t('sections.attendance'), prefixes: ['attendance'] },
    { id: 'summary', title: t('sections.summary'), prefixes: [] },
  ];
  const current: MaSection = (SECTIONS as readonly string[]).includes(engine.position.section)
    ? (engine.position.section as MaSection)
    : 'session';
  const go = (section: string) => {
    engine.setPosition({ section });
    window.scrollTo({ top: 0 });
  };
  return (
    <Page title={t('formTitle')} back="/ma" actions={<SaveIndicator status={engine.saveStatus} />}>
      <RecordFormProvider engine={engine}>
        <SectionNav sections={sections} current={current} onGo={go} />
        <h2>{t(`sections.${current}`)}</h2>
        {current === 'session' && <SessionSection />}
        {current === 'attendance' && <AttendanceSection />}
        {current === 'summary' && (
          <>
            <AttendanceCounts />
            <IssueSummary />
            <FinaliseBar engine={engine} doneTo="/ma" draft={draft} />
          </>
        )}
        <SectionFooter sections={SECTIONS} current={current} go={go} />
      </RecordFormProvider>
    </Page>
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
