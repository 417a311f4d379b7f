import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { navigate } from '../../lib/router';
import { signalLocalChange } from '../../lib/sync-signal';
import { Button } from '../button';
import { Notice } from '../notice';
import { DiscardDraft } from './discard-draft';
import { StorageErrorMessage } from '../storage-error-message';
import type { StorageError } from '../../storage/errors';
import type { RecordForm } from './use-record-form';
import { setFlash } from '../flash';

/** « Finaliser »: refused with the errors listed, or done and back to the list. */
export function FinaliseBar({
  engine,
  doneTo,
  draft,
}: {
  engine: RecordForm;
  doneTo: string;
  draft?: { id: string; editsFinalised: boolean };
}) {
  const { t } = useTranslation();
  const [state, setState] = useState<
    | { kind: 'idle' }
    | { kind: 'busy' }
    | { kind: 'blocked' }
    | { kind: 'storage'; error: StorageError }
    | { kind: 'unchanged' }
  >({ kind: 'idle' });
  async function go() {
    setState({ kind: 'busy' });
    const res = await engine.finalise();
    if (res.ok) {
      if (res.outcome.op === 'unchanged') {
        setState({ kind: 'unchanged' });
        return;
      }
      setFlash(t('form.finalised'));
      signalLocalChange();
      navigate(doneTo);
      return;
    }
    setState('storage' in res ? { kind: 'storage', error: res.storage } : { kind: 'blocked' });
  }
  return (
    <div className="stack">
      {state.kind === 'blocked' && <Notice tone="error">{t('form.notFinalised')}</Notice>}
      {state.kind === 'storage' && <StorageErrorMessage error={state.error} />}
      {state.kind === 'unchanged' && <Notice tone="info">{t('form.unchanged')}</Notice>}
      <Button variant="primary" onClick={() => void go()} disabled={state.kind === 'busy'}>
        {t('form.finalise')}
      </Button>
      {draft && (
        <DiscardDraft
          id={draft.id}
          editsFinalised={draft.editsFinalised}
          backTo={doneTo}
          flush={engine.flush}
        />
      )}
    </div>
  );
}
