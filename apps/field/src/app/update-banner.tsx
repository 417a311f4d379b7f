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
      if (!registration) return;
      // Look for a new version at each start, every 30 minutes, and when the tablet comes back to
      // the app or to the network.
      const check = () => void registration.update().catch(() => undefined);
      setInterval(check, 30 * 60 * 1000);
      window.addEventListener('online', check);
      document.addEventListener('visibilitychange', () => {
        if (document.visibilityState === 'visible') check();
      });
    },
  });
  if (!needRefresh) return null;
  return (
    <div className="update-banner" role="status">
      <strong>{t('update.available')}</strong>
      {formOpen && <span>{t('update.waitForm')}</span>}
      <div className="row">
        <Button
          variant="primary"
          disabled={formOpen}
          onClick={() => void updateServiceWorker(true)}
        >
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
