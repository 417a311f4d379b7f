import { useCallback } from 'react';
import { SectionFooter } from '../../components/form/section-footer';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DraftGate } from '../../components/draft-gate';
import { FinaliseBar } from '../../components/form/finalise-bar';
import { GpsField } from '../../components/form/gps-field';
import { RecordFormProvider } from '../../components/form/record-form-provider';
import { SaveIndicator } from '../../components/form/save-indicator';
import { SectionNav } from '../../components/form/section-nav';
import { useRecordForm } from '../../components/form/use-record-form';
import { Page } from '../../components/page';
import { RecordStatusNotice } from '../../components/record-status';
import { ciblageOptions } from '@jigi/domain';
import { todayIso } from '../../lib/clock';
import { useProgramSettings } from '../../lib/program-settings';
import { useSession } from '../../lib/session';
import { getRecord } from '../../storage/records';
import type { DraftRow } from '../../storage/types';
import { useLive } from '../../lib/use-live';
import { AssetsSection } from './assets-section';
import { ciblageSections, isCiblageSection, type CiblageSection } from './ciblage-sections';
import { ConsentSection } from './consent-section';
import { DwellingSection } from './dwelling-section';
import { FoodSection } from './food-section';
import { IdentificationSection } from './identification-section';
import { LandSection } from './land-section';
import { LivestockSection } from './livestock-section';
import { RosterSection } from './roster-section';
import { SummarySection } from './summary-section';
import { validateCiblage } from './validate-ciblage';
import { CiblageReadOnly } from './ciblage-read-only';

export function CiblageForm({ id }: { id: string }) {
  const { user } = useSession();
  return (
    <DraftGate
      id={id}
      agentId={user.id}
      firstSection="identification"
      readOnly={(row) => <CiblageReadOnly row={row} />}
    >
      {(draft) => <CiblageEditor draft={draft} />}
    </DraftGate>
  );
}

function CiblageEditor({ draft }: { draft: DraftRow }) {
  const { t } = useTranslation('ciblage');
  const { user } = useSession();
  const settings = useProgramSettings();
  const validate = useCallback(
    (r: Parameters<typeof validateCiblage>[0], mode: 'draft' | 'final') =>
      validateCiblage(r, mode, settings, todayIso()),
    [settings],
  );
  const engine = useRecordForm({ draft, agentId: user.id, validate });
  const result = useWatch({ control: engine.form.control, name: 'result' }) as string | undefined;
  const sections = ciblageSections(result === 'complete' || result === undefined, (s) =>
    t(`sections.${s}`),
  );
  const current: CiblageSection =
    isCiblageSection(engine.position.section) &&
    sections.some((s) => s.id === engine.position.section)
      ? engine.position.section
      : 'identification';
  const go = (section: string) => {
    engine.setPosition({ section });
    window.scrollTo({ top: 0 });
  };
  const { setPosition } = engine;
  const onEditing = useCallback(
    (memberId: string | undefined) => {
      setPosition(
        memberId === undefined ? { section: 'roster' } : { section: 'roster', itemId: memberId },
      );
    },
    [setPosition],
  );
  const existing = useLive(() => getRecord(draft.id), [draft.id]);
  const row = existing.status === 'ready' && existing.value.ok ? existing.value.value : undefined;

  return (
    <Page
      title={t('formTitle')}
      back="/ciblage"
      actions={<SaveIndicator status={engine.saveStatus} />}
    >
      {row && <RecordStatusNotice row={row} />}
      <RecordFormProvider engine={engine}>
        <SectionNav sections={sections} current={current} onGo={go} />
        <h2>{t(`sections.${current}`)}</h2>
        {current === 'identification' && <IdentificationSection />}
        {current === 'consent' && <ConsentSection />}
        {current === 'roster' && (
          <RosterSection editingId={engine.position.itemId} onEditing={onEditing} />
        )}
        {current === 'dwelling' && <DwellingSection />}
        {current === 'assets' && <AssetsSection />}
        {current === 'livestock' && <LivestockSection />}
        {current === 'land' && <LandSection />}
        {current === 'food' && <FoodSection />}
        {current === 'gps' && (
          <GpsField
            name="gps"
            reasonName="gpsUnavailableReason"
            reasonLabels={ciblageOptions.gpsUnavailableReason.labels}
          />
        )}
        {current === 'summary' && (
          <>
            <SummarySection />
            <FinaliseBar engine={engine} doneTo="/ciblage" draft={draft} />
          </>
        )}
        <SectionFooter sections={sections.map((s) => s.id)} current={current} go={go} />
      </RecordFormProvider>
    </Page>
  );
}
