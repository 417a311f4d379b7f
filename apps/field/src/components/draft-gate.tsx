import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { nowIso } from '../lib/clock';
import type { StorageError } from '../storage/errors';
import { getDraft } from '../storage/drafts';
import { getRecord, startEdit } from '../storage/records';
import type { DraftRow, RecordRow } from '../storage/types';
import { Button } from './button';
import { Notice } from './notice';
import { StorageErrorMessage } from './storage-error-message';

type State =
  | { kind: 'loading' }
  | { kind: 'reopening' }
  | { kind: 'draft'; draft: DraftRow }
  | { kind: 'record'; row: RecordRow }
  | { kind: 'missing' }
  | { kind: 'error'; error: StorageError };

/**
 * Opens a record for its form: the draft if there is one (resumes exactly where it was left), else a
 * new draft of an editable finalised record, else the read-only record (synced, awaiting arbitration).
 */
export function DraftGate({
  id,
  agentId,
  firstSection,
  children,
  readOnly,
}: {
  id: string;
  agentId: string;
  firstSection: string;
  children: (draft: DraftRow) => ReactNode;
  readOnly: (row: RecordRow) => ReactNode;
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'loading' });
  useEffect(() => {
    const cancelled = { value: false };
    const show = (next: State) => {
      if (!cancelled.value) setState(next);
    };
    void (async () => {
      const d = await getDraft(id);
      if (!d.ok) {
        show({ kind: 'error', error: d.error });
      } else if (d.value) {
        show({ kind: 'draft', draft: d.value });
      } else {
        const edit = await startEdit({ recordId: id, agentId, now: nowIso(), firstSection });
        if (!edit.ok) show({ kind: 'error', error: edit.error });
        else if (edit.value) show({ kind: 'draft', draft: edit.value });
        else {
          const r = await getRecord(id);
          if (!r.ok) show({ kind: 'error', error: r.error });
          else show(r.value ? { kind: 'record', row: r.value } : { kind: 'missing' });
        }
      }
    })();
    return () => {
      cancelled.value = true;
    };
  }, [id, agentId, firstSection]);
  switch (state.kind) {
    case 'loading':
      return <Notice tone="info">{t('loading')}</Notice>;
    case 'error':
      return <StorageErrorMessage error={state.error} />;
    case 'missing':
      return <Notice tone="error">{t('notFound')}</Notice>;
    case 'reopening':
      return <Notice tone="info">{t('loading')}</Notice>;
    case 'record':
      return (
        <>
          {readOnly(state.row)}
          {state.row.syncStatus === 'synced' && (
            <div className="page">
              <p>{t('form.reopenHint')}</p>
              <Button
                onClick={() => {
                  const row = state.row;
                  setState({ kind: 'reopening' });
                  void startEdit({
                    recordId: id,
                    agentId,
                    now: nowIso(),
                    firstSection,
                    evenIfSynced: true,
                  }).then((res) => {
                    setState(
                      !res.ok
                        ? { kind: 'error', error: res.error }
                        : res.value
                          ? { kind: 'draft', draft: res.value }
                          : { kind: 'record', row },
                    );
                  });
                }}
              >
                {t('form.reopen')}
              </Button>
            </div>
          )}
        </>
      );
    case 'draft':
      return <>{children(state.draft)}</>;
  }
}
