import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';
import { Button } from '../components/button';
import { useIsFormOpen } from '../lib/form-activity';

/**
 * « Nouvelle version disponible »: the waiting service worker takes over only when the user taps
 * « Mettre à jour », and the button is disabled while a form is open (the draft is in IndexedDB, so it
 * survives the reload either way; this just never pulls the page from under someone typing).
 */
export function UpdateBanner() {
  const { t } = useTranslation();
  const formOpen = useIsFormOpen();
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      // Look for a new version every 30 minutes while the app stays open (and at each start).
      if (registration) setInterval(() => void registration.update().catch(() => undefined), 30 * 60 * 1000);
    },
  });
  if (!needRefresh) return null;
  return (
    <div className="update-banner" role="status">
      <strong>{t('update.available')}</strong>
      {formOpen && <span>{t('update.waitForm')}</span>}
      <div className="row">
        <Button variant="primary" disabled={formOpen} onClick={() => void updateServiceWorker(true)}>
          {t('update.apply')}
        </Button>
        <Button
          onClick={() => {
            setNeedRefresh(false);
          }}
        >
          {t('update.later')}
        </Button>
      </div>
    </div>
  );
}
