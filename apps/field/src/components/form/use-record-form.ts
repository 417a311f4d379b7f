import type { Issue } from '@jigi/domain';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { createAutosaver } from '../../lib/autosave';
import { cleanRecord } from '../../lib/clean-record';
import { nowIso } from '../../lib/clock';
import { useFormOpen } from '../../lib/form-activity';
import { answeredNames, IssueStore, toFieldName } from '../../lib/form-issues';
import { saveDraft } from '../../storage/drafts';
import type { StorageError } from '../../storage/errors';
import { finaliseRecord, type FinaliseOutcome } from '../../storage/records';
import type { AnyRecord, DraftRow, FormPosition } from '../../storage/types';

const VALIDATE_AFTER_MS = 120;
/**
 * Typing pause after which the draft is written. Writing on every keystroke cost a 60-member record
 * clone and an IndexedDB put per key (and re-ran the status bar's live query); a blur, a section
 * change, finalising, leaving and the page hiding write at once, so nothing typed waits on this.
 */
export const AUTOSAVE_AFTER_MS = 500;
/**
 * The pause a form uses, read when it mounts. Tests that prove a write happens *without* waiting for
 * the pause make it longer than they can possibly take, instead of racing a 500 ms clock on a busy
 * machine.
 */
export const autosavePause = { ms: AUTOSAVE_AFTER_MS };

/** A select, radio button or tick box: a choice is complete when made, unlike typing. */
function isChoice(target: EventTarget | null): boolean {
  if (target instanceof HTMLSelectElement) return true;
  return (
    target instanceof HTMLInputElement && (target.type === 'radio' || target.type === 'checkbox')
  );
}

/** The form name of the list line with this id (`members.3`), in whichever list holds it. */
function itemName(values: AnyRecord, itemId: string): string[] {
  for (const [list, value] of Object.entries(values)) {
    if (!Array.isArray(value)) continue;
    const index = value.findIndex(
      (item: unknown) =>
        typeof item === 'object' && item !== null && (item as { id?: unknown }).id === itemId,
    );
    if (index >= 0) return [`${list}.${String(index)}`];
  }
  return [];
}

export type Validate = (record: AnyRecord, mode: 'draft' | 'final') => Issue[];

export type SaveState =
  { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; error: StorageError };

export type FinaliseResult =
  | { ok: true; outcome: FinaliseOutcome }
  | { ok: false; issues: Issue[] }
  | { ok: false; storage: StorageError };

/** Autosave state in its own store: only the indicator re-renders on each save, never the form. */
export class SaveStatus {
  private state: SaveState = { kind: 'saved' };
  private listeners = new Set<() => void>();
  get = (): SaveState => this.state;
  set = (next: SaveState): void => {
    this.state = next;
    for (const l of this.listeners) l();
  };
  subscribe = (l: () => void): (() => void) => {
    this.listeners.add(l);
    return () => this.listeners.delete(l);
  };
}

export function useSaveState(status: SaveStatus): SaveState {
  return useSyncExternalStore(status.subscribe, status.get);
}

export interface RecordForm {
  form: UseFormReturn<AnyRecord>;
  issues: IssueStore;
  position: FormPosition;
  setPosition: (p: FormPosition) => void;
  saveStatus: SaveStatus;
  /** Validates the whole record (errors block); on success writes record + outbox mutation. */
  finalise: () => Promise<FinaliseResult>;
  /** Writes what is pending now (before leaving the screen). */
  flush: () => Promise<void>;
}

/**
 * The engine under every form: react-hook-form holds the values (uncontrolled inputs, so typing does
 * not re-render the form), changes are autosaved as the draft with the form position once typing
 * pauses (and at once on a choice, blur, section change, finalise, unmount, page hide), and the domain rules
 * run as typing pauses: on the edited list item alone (a roster line) while typing in one, on the
 * whole record otherwise and on each section change and finalise. Their issues go to an IssueStore
 * that each field reads for itself. Draft mode tolerates unanswered questions until the user first
 * tries to finalise.
 */
export function useRecordForm({
  draft,
  agentId,
  validate,
  sectionFields,
}: {
  draft: DraftRow;
  agentId: string;
  validate: Validate;
  /** The field names (prefixes) of a section: leaving it reveals their issues. */
  sectionFields?: (section: string) => readonly string[];
}): RecordForm {
  useFormOpen();
  const form = useForm<AnyRecord>({ defaultValues: draft.record, shouldUnregister: false });
  // What was answered before the draft was reopened shows its issues at once; the rest once touched.
  const issues = useMemo(() => {
    const store = new IssueStore();
    store.reveal(answeredNames(draft.record));
    return store;
  }, [draft.record]);
  const sectionFieldsRef = useRef(sectionFields);
  sectionFieldsRef.current = sectionFields;
  const [position, setPositionState] = useState<FormPosition>(draft.position);
  const positionRef = useRef(position);
  const saveStatus = useMemo(() => new SaveStatus(), []);
  const mode = useRef<'draft' | 'final'>('draft');
  const validateRef = useRef(validate);
  validateRef.current = validate;

  const saver = useMemo(
    () =>
      // The record is read from the form when the write starts, so a burst of typing is cleaned and
      // cloned once, with its last key in it.
      createAutosaver<() => AnyRecord>(async (readRecord) => {
        saveStatus.set({ kind: 'saving' });
        const res = await saveDraft({
          record: readRecord(),
          agentId,
          position: positionRef.current,
          now: nowIso(),
        });
        saveStatus.set(res.ok ? { kind: 'saved' } : { kind: 'failed', error: res.error });
      }, autosavePause.ms),
    [agentId, saveStatus],
  );
  const readRecord = useCallback(() => cleanRecord(form.getValues()), [form]);

  const runValidation = useCallback(
    (values: AnyRecord) => {
      const record = cleanRecord(values);
      const found = validateRef.current(record, mode.current);
      issues.set(found.map((i) => ({ ...i, name: toFieldName(i.path, record) })));
      return found;
    },
    [issues],
  );

  /**
   * The rules on one list item (`members.59` of a 60-member roster): the record is validated with
   * that item alone in its list, and only the issues under the item replace the ones it had; the
   * others (including rules across items) stay until the next whole-record run.
   */
  const runItemValidation = useCallback(
    (values: AnyRecord, listName: string, index: number) => {
      const list = values[listName];
      if (!Array.isArray(list)) return runValidation(values);
      const prefix = `${listName}.${String(index)}`;
      const record = cleanRecord({ ...values, [listName]: [list[index]] });
      const found = validateRef
        .current(record, mode.current)
        .map((i) => ({ ...i, name: toFieldName(i.path, record) }))
        .filter((i) => i.name === `${listName}.0` || i.name.startsWith(`${listName}.0.`))
        .map((i) => ({ ...i, name: prefix + i.name.slice(`${listName}.0`.length) }));
      const kept = issues
        .getAll()
        .filter(
          (i): i is typeof i & { name: string } =>
            i.name !== undefined && i.name !== prefix && !i.name.startsWith(`${prefix}.`),
        );
      issues.set([...kept, ...found]);
      return found;
    },
    [issues, runValidation],
  );

  useEffect(() => {
    runValidation(form.getValues());
    // Neither the save nor the rules run on every keystroke: a 2 GB tablet typing in a 60-member
    // roster spent its input delay cloning, writing and validating the whole record.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sub = form.watch((_values, { name }) => {
      // « Enregistrement… » from the first key: the indicator never says saved while a change waits.
      if (saveStatus.get().kind !== 'saving') saveStatus.set({ kind: 'saving' });
      saver.schedule(readRecord);
      if (timer !== undefined) clearTimeout(timer);
      const item = name === undefined ? null : /^([^.]+)\.(\d+)\./.exec(name);
      timer = setTimeout(() => {
        timer = undefined;
        if (item?.[1] !== undefined && item[2] !== undefined)
          runItemValidation(form.getValues(), item[1], Number(item[2]));
        else runValidation(form.getValues());
      }, VALIDATE_AFTER_MS);
    });
    const flushNow = () => void saver.flush();
    // The document sees the change after React's root listener, so the form already holds the value.
    const onChoice = (e: Event) => {
      if (!isChoice(e.target)) return;
      revealTarget(e.target);
      flushNow();
    };
    // A field left has been touched: its issues show from now on.
    const revealTarget = (target: EventTarget | null) => {
      const name = target instanceof Element ? target.getAttribute('name') : null;
      if (name) issues.reveal([name]);
    };
    // A tap on a button below a field leaves the field at pointerdown: an error shown then would move
    // the button before pointerup and the tap would be lost. Reveals wait for the tap to end.
    let pointerDown = false;
    let held: EventTarget[] = [];
    const onPointerDown = () => {
      pointerDown = true;
    };
    const onPointerUp = () => {
      pointerDown = false;
      const targets = held;
      held = [];
      if (targets.length > 0)
        setTimeout(() => {
          targets.forEach(revealTarget);
        }, 0);
    };
    const onFocusOut = (e: FocusEvent) => {
      if (pointerDown && e.target) held.push(e.target);
      else revealTarget(e.target);
      flushNow();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') flushNow();
    };
    window.addEventListener('pagehide', flushNow);
    document.addEventListener('visibilitychange', onVisibility);
    // Leaving a field writes what it holds (focusout bubbles, blur does not).
    document.addEventListener('focusout', onFocusOut);
    document.addEventListener('pointerdown', onPointerDown, true);
    document.addEventListener('pointerup', onPointerUp, true);
    document.addEventListener('pointercancel', onPointerUp, true);
    // A choice is written at once: a native select keeps the focus after a pick, so without this a
    // choice made just before a reload waited for the typing pause and was lost.
    document.addEventListener('change', onChoice);
    return () => {
      sub.unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
      window.removeEventListener('pagehide', flushNow);
      document.removeEventListener('visibilitychange', onVisibility);
      document.removeEventListener('focusout', onFocusOut);
      document.removeEventListener('pointerdown', onPointerDown, true);
      document.removeEventListener('pointerup', onPointerUp, true);
      document.removeEventListener('pointercancel', onPointerUp, true);
      document.removeEventListener('change', onChoice);
      void saver.flush();
    };
  }, [form, issues, saver, saveStatus, readRecord, runValidation, runItemValidation]);

  // The rules' reference data (a project's roll and sheets, a village's households) loads after the
  // form opened: a new `validate` re-runs them, or their issues would wait for the next keystroke.
  const firstValidate = useRef(validate);
  useEffect(() => {
    if (firstValidate.current === validate) return;
    firstValidate.current = validate;
    runValidation(form.getValues());
  }, [validate, form, runValidation]);

  const setPosition = useCallback(
    (p: FormPosition) => {
      const left = positionRef.current.section;
      const sectionChanged = p.section !== left;
      if (sectionChanged) issues.reveal(sectionFieldsRef.current?.(left) ?? []);
      // A list line closed (« Terminer ce membre ») has been filled in: its issues show.
      const closed = positionRef.current.itemId;
      if (closed !== undefined && closed !== p.itemId)
        issues.reveal(itemName(form.getValues(), closed));
      positionRef.current = p;
      setPositionState(p);
      saver.schedule(readRecord);
      void saver.flush();
      if (sectionChanged) runValidation(form.getValues());
    },
    [form, issues, saver, readRecord, runValidation],
  );

  const finalise = useCallback(async (): Promise<FinaliseResult> => {
    await saver.flush();
    mode.current = 'final';
    issues.revealAll();
    const record = cleanRecord(form.getValues());
    const found = runValidation(record);
    if (found.some((i) => i.severity === 'error')) return { ok: false, issues: found };
    const res = await finaliseRecord({ record, agentId, now: nowIso() });
    if (!res.ok) return { ok: false, storage: res.error };
    return { ok: true, outcome: res.value };
  }, [form, saver, runValidation, agentId]);

  return { form, issues, position, setPosition, saveStatus, finalise, flush: saver.flush };
}
