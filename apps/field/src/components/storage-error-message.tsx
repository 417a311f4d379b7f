import { useTranslation } from 'react-i18next';
import type { StorageError } from '../storage/errors';
import { Button } from './button';
import { Notice } from './notice';

/** A storage failure in plain French, with the technical detail underneath for support. */
export function StorageErrorMessage({
  error,
  reload = false,
}: {
  error: StorageError;
  reload?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Notice tone="error">
      <strong>{t('storageErrors.title')}</strong>
      <p>{t(`storageErrors.${error.kind}`)}</p>
      <p className="small">{t('storageErrors.detail', { detail: error.detail })}</p>
      {reload && (
        <Button
          variant="primary"
          onClick={() => {
            window.location.reload();
          }}
        >
          {t('storageErrors.reload')}
        </Button>
      )}
    </Notice>
  );
}
