import type { Issue } from '@jigi/domain';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useForm, type UseFormReturn } from 'react-hook-form';
import { createAutosaver } from '../../lib/autosave';
import { cleanRecord } from '../../lib/clean-record';
import { nowIso } from '../../lib/clock';
import { useFormOpen } from '../../lib/form-activity';
import { IssueStore, toFieldName } from '../../lib/form-issues';
import { saveDraft } from '../../storage/drafts';
import type { StorageError } from '../../storage/errors';
import { finaliseRecord, type FinaliseOutcome } from '../../storage/records';
import type { AnyRecord, DraftRow, FormPosition } from '../../storage/types';

const VALIDATE_AFTER_MS = 120;

export type Validate = (record: AnyRecord, mode: 'draft' | 'final') => Issue[];

export type SaveState = { kind: 'saved' } | { kind: 'saving' } | { kind: 'failed'; error: StorageError };

export type FinaliseResult = { ok: true; outcome: FinaliseOutcome } | { ok: false; issues: Issue[] } | { ok: false; storage: StorageError };

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
 * not re-render the form), every change is autosaved as the draft with the form position, and the
 * domain rules run on each change; their issues go to an IssueStore that each field reads for
 * itself. Draft mode tolerates unanswered questions until the user first tries to finalise.
 */
export function useRecordForm({ draft, agentId, validate }: { draft: DraftRow; agentId: string; validate: Validate }): RecordForm {
  useFormOpen();
  const form = useForm<AnyRecord>({ defaultValues: draft.record, shouldUnregister: false });
  const issues = useMemo(() => new IssueStore(), []);
  const [position, setPositionState] = useState<FormPosition>(draft.position);
  const positionRef = useRef(position);
  const saveStatus = useMemo(() => new SaveStatus(), []);
  const mode = useRef<'draft' | 'final'>('draft');
  const validateRef = useRef(validate);
  validateRef.current = validate;

  const saver = useMemo(
    () =>
      createAutosaver<AnyRecord>(async (record) => {
        saveStatus.set({ kind: 'saving' });
        const res = await saveDraft({ record, agentId, position: positionRef.current, now: nowIso() });
        saveStatus.set(res.ok ? { kind: 'saved' } : { kind: 'failed', error: res.error });
      }),
    [agentId, saveStatus],
  );

  const runValidation = useCallback(
    (values: AnyRecord) => {
      const record = cleanRecord(values);
      const found = validateRef.current(record, mode.current);
      issues.set(found.map((i) => ({ ...i, name: toFieldName(i.path, record) })));
      return found;
    },
    [issues],
  );

  useEffect(() => {
    runValidation(form.getValues());
    // Saving is immediate; the rules run once typing pauses (a 60-member roster is validated whole,
    // which a 2 GB tablet should not do on every keystroke).
    let timer: ReturnType<typeof setTimeout> | undefined;
    const sub = form.watch((values) => {
      const record = cleanRecord(values as AnyRecord);
      saver.schedule(record);
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        runValidation(record);
      }, VALIDATE_AFTER_MS);
    });
    const onHide = () => void saver.flush();
    window.addEventListener('pagehide', onHide);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      sub.unsubscribe();
      if (timer !== undefined) clearTimeout(timer);
      window.removeEventListener('pagehide', onHide);
      document.removeEventListener('visibilitychange', onHide);
      void saver.flush();
    };
  }, [form, saver, runValidation]);

  const setPosition = useCallback(
    (p: FormPosition) => {
      positionRef.current = p;
      setPositionState(p);
      saver.schedule(cleanRecord(form.getValues()));
    },
    [form, saver],
  );

  const finalise = useCallback(async (): Promise<FinaliseResult> => {
    await saver.flush();
    mode.current = 'final';
    const record = cleanRecord(form.getValues());
    const found = runValidation(record);
    if (found.some((i) => i.severity === 'error')) return { ok: false, issues: found };
    const res = await finaliseRecord({ record, agentId, now: nowIso() });
    if (!res.ok) return { ok: false, storage: res.error };
    return { ok: true, outcome: res.value };
  }, [form, saver, runValidation, agentId]);

  return { form, issues, position, setPosition, saveStatus, finalise, flush: saver.flush };
}
