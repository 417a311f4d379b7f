import { useTranslation } from 'react-i18next';
import { StorageErrorMessage } from '../storage-error-message';
import { useSaveState, type SaveStatus } from './use-record-form';

/**
 * « Enregistré automatiquement », or the storage problem in French (e.g. the tablet is full). Only the
 * problem is announced (an alert): a save after every typing pause is not news worth interrupting a
 * screen reader for, so the saved state is drawn without a live region.
 */
export function SaveIndicator({ status }: { status: SaveStatus }) {
  const { t } = useTranslation();
  const state = useSaveState(status);
  if (state.kind === 'failed') return <StorageErrorMessage error={state.error} />;
  return (
    <span className="save-state" data-testid="save-state">
      {state.kind === 'saving' ? t('form.saving') : t('form.autosaved')}
    </span>
  );
}
