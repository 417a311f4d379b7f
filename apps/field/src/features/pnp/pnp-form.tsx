import { ageInMonths, muacColour, muacColourLabels, validateRecord } from '@jigi/domain';
import { SectionFooter } from '../../components/form/section-footer';
import { useCallback } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DraftGate } from '../../components/draft-gate';
import { FinaliseBar } from '../../components/form/finalise-bar';
import { GpsField } from '../../components/form/gps-field';
import { IssueSummary } from '../../components/form/issue-summary';
import { ItemList } from '../../components/form/item-list';
import { RecordFormProvider } from '../../components/form/record-form-provider';
import { SaveIndicator } from '../../components/form/save-indicator';
import { SectionNav, type Section } from '../../components/form/section-nav';
import { useRecordForm } from '../../components/form/use-record-form';
import { Page } from '../../components/page';
import { RecordStatusNotice, StatusBadge } from '../../components/record-status';
import { newId, todayIso } from '../../lib/clock';
import { useProgramSettings } from '../../lib/program-settings';
import { useSession } from '../../lib/session';
import type { AnyRecord, DraftRow, RecordRow } from '../../storage/types';
import { ChildEditor } from './child-editor';
import { HouseholdSection } from './household-section';
import { WomanEditor } from './woman-editor';

const SECTIONS = ['household', 'children', 'women', 'summary'] as const;
type PnpSection = (typeof SECTIONS)[number];

export function PnpForm({ id }: { id: string }) {
  const { user } = useSession();
  return (
    <DraftGate
      id={id}
      agentId={user.id}
      firstSection="household"
      readOnly={(row) => <PnpReadOnly row={row} />}
    >
      {(draft) => <PnpEditor draft={draft} />}
    </DraftGate>
  );
}

function PnpEditor({ draft }: { draft: DraftRow }) {
  const { t } = useTranslation('pnp');
  const { user } = useSession();
  const settings = useProgramSettings();
  const validate = useCallback(
    (r: AnyRecord, mode: 'draft' | 'final') =>
      validateRecord(r, { today: todayIso(), settings }, { draft: mode === 'draft' }).issues,
    [settings],
  );
  const engine = useRecordForm({ draft, agentId: user.id, validate });
  const visitDate = useWatch({ control: engine.form.control, name: 'visitDate' }) as
    string | undefined;
  const sections: Section[] = [
    {
      id: 'household',
      title: t('sections.household'),
      prefixes: ['villageId', 'visitDate', 'household'],
    },
    { id: 'children', title: t('sections.children'), prefixes: ['children'] },
    { id: 'women', title: t('sections.women'), prefixes: ['women'] },
    { id: 'summary', title: t('sections.summary'), prefixes: ['gps'] },
  ];
  const current: PnpSection = (SECTIONS as readonly string[]).includes(engine.position.section)
    ? (engine.position.section as PnpSection)
    : 'household';
  const { setPosition } = engine;
  const go = (section: string) => {
    setPosition({ section });
    window.scrollTo({ top: 0 });
  };
  const onEditing = useCallback(
    (itemId: string | undefined) => {
      setPosition(itemId === undefined ? { section: current } : { section: current, itemId });
    },
    [setPosition, current],
  );
  return (
    <Page title={t('formTitle')} back="/pnp" actions={<SaveIndicator status={engine.saveStatus} />}>
      <RecordFormProvider engine={engine}>
        <SectionNav sections={sections} current={current} onGo={go} />
        <h2>{t(`sections.${current}`)}</h2>
        {current === 'household' && <HouseholdSection />}
        {current === 'children' && (
          <ItemList
            name="children"
            editingId={engine.position.itemId}
            onEditing={onEditing}
            makeItem={() => ({ id: newId(), oedema: false, vaccinationCard: false })}
            describe={(c) => {
              const months =
                typeof c['dob'] === 'string' && visitDate
                  ? ageInMonths(c['dob'], visitDate)
                  : undefined;
              const mm = c['muacMm'];
              const colour = typeof mm === 'number' ? muacColour(mm, settings.muac) : undefined;
              const title = typeof c['name'] === 'string' && c['name'] ? c['name'] : t('newChild');
              return {
                title,
                subtitle: [
                  months !== undefined ? t('ageMonths', { months }) : undefined,
                  colour
                    ? t('muacColour', {
                        colour: t(`options:muacColour.${colour}`, {
                          defaultValue: muacColourLabels[colour],
                        }),
                      })
                    : undefined,
                ]
                  .filter(Boolean)
                  .join(' · '),
              };
            }}
            labels={{
              count: (count) => t('children.count', { count }),
              empty: t('children.empty'),
              add: t('children.add'),
              edit: (name) => t('children.edit', { name }),
              remove: (name) => t('children.remove', { name }),
            }}
            editor={(i, done) => <ChildEditor index={i} onDone={done} />}
          />
        )}
        {current === 'women' && (
          <ItemList
            name="women"
            editingId={engine.position.itemId}
            onEditing={onEditing}
            makeItem={() => ({ id: newId() })}
            describe={(w) => ({
              title: typeof w['name'] === 'string' && w['name'] ? w['name'] : t('newWoman'),
            })}
            labels={{
              count: (count) => t('women.count', { count }),
              empty: t('women.empty'),
              add: t('women.add'),
              edit: (name) => t('women.edit', { name }),
              remove: (name) => t('women.remove', { name }),
            }}
            editor={(i, done) => <WomanEditor index={i} onDone={done} />}
          />
        )}
        {current === 'summary' && (
          <>
            <GpsField name="gps" />
            <IssueSummary />
            <FinaliseBar engine={engine} doneTo="/pnp" draft={draft} />
          </>
        )}
        <SectionFooter sections={SECTIONS} current={current} go={go} />
      </RecordFormProvider>
    </Page>
  );
}

function PnpReadOnly({ row }: { row: RecordRow }) {
  const { t } = useTranslation('pnp');
  const children = (row.record['children'] ?? []) as unknown[];
  const women = (row.record['women'] ?? []) as unknown[];
  return (
    <Page title={t('formTitle')} back="/pnp">
      <StatusBadge status={row.syncStatus} />
      <RecordStatusNotice row={row} />
      <p>
        {t('children.count', { count: children.length })} ·{' '}
        {t('women.count', { count: women.length })}
      </p>
    </Page>
  );
}
