import {
  recordTypeDescriptor,
  sectionShown,
  validateRecord,
  type RecordType,
  type RuleContext,
  type SectionLayout,
} from '@jigi/domain';
import { useCallback, useMemo, type ComponentType } from 'react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { todayIso } from '../../lib/clock';
import { useProgramSettings } from '../../lib/program-settings';
import { useSession } from '../../lib/session';
import { useLive } from '../../lib/use-live';
import { getRecord } from '../../storage/records';
import type { AnyRecord, DraftRow, RecordRow } from '../../storage/types';
import { DraftGate } from '../draft-gate';
import { Page } from '../page';
import { RecordStatusNotice } from '../record-status';
import { FinaliseBar } from './finalise-bar';
import { RecordFormProvider } from './record-form-provider';
import { SaveIndicator } from './save-indicator';
import { SectionFooter } from './section-footer';
import { SectionNav } from './section-nav';
import { useRecordForm, type RecordForm } from './use-record-form';

/** What a section's screen receives. */
export interface SectionProps<D> {
  /** What the module's form loaded for this draft (`useData`). */
  data: D;
  /** The list line being edited in this section (roster member, child…), kept in the draft's position. */
  editingId: string | undefined;
  onEditing: (itemId: string | undefined) => void;
}

/**
 * A module's form for one record type. The sections, their order, which answer hides some and which
 * fields mark each with an error come from the type's layout in the domain; the module gives a screen
 * per section and what it needs around them.
 */
export interface RecordFormSpec<D = undefined> {
  recordType: RecordType;
  /** i18n namespace of the module: section titles are `sections.<id>` in it. */
  ns: string;
  /** Key of the page title in `ns`. */
  title: string;
  /** Where Back leads, and « Finaliser » once done. */
  back: (record: AnyRecord) => string;
  /** The screen of each section of the layout, by section id. */
  sections: Readonly<Record<string, ComponentType<SectionProps<D>>>>;
  /** The page of a record that cannot be edited here (synced, awaiting arbitration). */
  readOnly: ComponentType<{ row: RecordRow }>;
  /** Loads what the sections and rules need for this draft (a hook, called on every render). */
  useData?: (draft: DraftRow) => D;
  /** Reference data the rules check against, beyond today and the settings. */
  ruleContext?: (data: D, record: AnyRecord) => Partial<RuleContext>;
  /** After a successful finalise: a second write that belongs with it. */
  afterFinalise?: (record: AnyRecord, data: D, agentId: string) => Promise<void>;
  /** Shows the record's state above the form (a returned record's comment, a rejection's reason). */
  showStatus?: boolean;
}

const noData = (): undefined => undefined;

function layoutOf(type: RecordType): readonly SectionLayout[] {
  return recordTypeDescriptor(type)?.sections ?? [];
}

/**
 * The one screen every record form is: opens the draft (or the read-only record), autosaves it,
 * runs the domain's rules, steps through the sections, and finalises from the last one.
 */
export function RecordFormScreen<D>({ spec, id }: { spec: RecordFormSpec<D>; id: string }) {
  const { user } = useSession();
  const ReadOnly = spec.readOnly;
  return (
    <DraftGate
      id={id}
      agentId={user.id}
      firstSection={layoutOf(spec.recordType)[0]?.id ?? ''}
      readOnly={(row) => <ReadOnly row={row} />}
    >
      {(draft) => <RecordEditor spec={spec} draft={draft} />}
    </DraftGate>
  );
}

function RecordEditor<D>({ spec, draft }: { spec: RecordFormSpec<D>; draft: DraftRow }) {
  const { t } = useTranslation(spec.ns);
  const { user } = useSession();
  const settings = useProgramSettings();
  const data = (spec.useData ?? (noData as unknown as (draft: DraftRow) => D))(draft);
  const { ruleContext, afterFinalise } = spec;
  const validate = useCallback(
    (r: AnyRecord, mode: 'draft' | 'final') =>
      validateRecord(
        r,
        { today: todayIso(), settings, ...ruleContext?.(data, r) },
        { draft: mode === 'draft' },
      ).issues,
    [settings, ruleContext, data],
  );
  const layout = layoutOf(spec.recordType);
  const sectionFields = useCallback(
    (section: string) => layout.find((s) => s.id === section)?.fields ?? [],
    [layout],
  );
  const engine = useRecordForm({ draft, agentId: user.id, validate, sectionFields });
  const sections = useVisibleSections(engine, layout);
  const current = sections.some((s) => s.id === engine.position.section)
    ? engine.position.section
    : (sections[0]?.id ?? '');
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
  const { finalise, form } = engine;
  const withAfter = useCallback(async () => {
    const res = await finalise();
    if (res.ok && afterFinalise) await afterFinalise(form.getValues(), data, user.id);
    return res;
  }, [finalise, form, afterFinalise, data, user.id]);
  const back = spec.back(draft.record);
  const Section = spec.sections[current];
  const steps = sections.length > 1;
  return (
    <Page title={t(spec.title)} back={back} actions={<SaveIndicator status={engine.saveStatus} />}>
      {spec.showStatus && <StoredStatus id={draft.id} />}
      <RecordFormProvider engine={engine}>
        {steps && (
          <>
            <SectionNav
              sections={sections.map((s) => ({
                id: s.id,
                title: t(`sections.${s.id}`),
                prefixes: s.fields,
              }))}
              current={current}
              onGo={go}
            />
            <h2>{t(`sections.${current}`)}</h2>
          </>
        )}
        {Section && (
          <Section data={data} editingId={engine.position.itemId} onEditing={onEditing} />
        )}
        {current === sections.at(-1)?.id && (
          <FinaliseBar
            engine={afterFinalise ? { ...engine, finalise: withAfter } : engine}
            doneTo={back}
            draft={draft}
          />
        )}
        {steps && <SectionFooter sections={sections.map((s) => s.id)} current={current} go={go} />}
      </RecordFormProvider>
    </Page>
  );
}

/**
 * The layout's sections asked for the answers so far. Only the answers a section depends on are
 * watched, so typing elsewhere does not re-render the form.
 */
function useVisibleSections(
  engine: RecordForm,
  layout: readonly SectionLayout[],
): readonly SectionLayout[] {
  const watched = useMemo(
    () => [...new Set(layout.flatMap((s) => (s.when ? [s.when.field] : [])))],
    [layout],
  );
  const values: unknown = useWatch({
    control: engine.form.control,
    name: watched,
    disabled: watched.length === 0,
  });
  const answers = Object.fromEntries(
    watched.map((f, i) => [f, Array.isArray(values) ? values[i] : undefined]),
  );
  return layout.filter((s) => sectionShown(s, answers));
}

/** The stored record's state (returned with a comment, rejected with a reason), if it was finalised. */
function StoredStatus({ id }: { id: string }) {
  const existing = useLive(() => getRecord(id), [id]);
  const row = existing.status === 'ready' && existing.value.ok ? existing.value.value : undefined;
  return row ? <RecordStatusNotice row={row} /> : null;
}
