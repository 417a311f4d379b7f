import { lazy, Suspense, useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../components/button';
import { availableLanguages } from '../lib/i18n';
import { Link, usePath } from '../lib/router';
import { useLive } from '../lib/use-live';
import { localCounts } from '../storage/counts';
import { getMeta, setMeta } from '../storage/meta';
import type { UserRow } from '../storage/types';
import type { SyncView } from '../sync/ui/sync-bar';
import { syncLine, useOnline } from '../sync/ui/sync-line';
import { StorageDetails, usePersistence } from './status-bar';

// The sync engine carries the wire schemas: loaded once the shell is on screen.
const SyncBar = lazy(() => import('../sync/ui/sync-bar'));

const LANGUAGE_KEY = 'language';

/** The language the user chose on this tablet (French until a catalogue for another one exists). */
function useLanguage(): [string, (lng: string) => void] {
  const { i18n } = useTranslation();
  useEffect(() => {
    void getMeta<string>(LANGUAGE_KEY).then((res) => {
      if (res.ok && res.value && availableLanguages.includes(res.value))
        void i18n.changeLanguage(res.value);
    });
  }, [i18n]);
  return [
    i18n.language,
    (lng) => {
      void i18n.changeLanguage(lng);
      void setMeta(LANGUAGE_KEY, lng);
    },
  ];
}

/**
 * What frames every screen: ONE line — the app's name (home), where the work stands (the sync line,
 * the unsynced and draft counters, the network) and « Synchroniser » — so that a form keeps the
 * screen. Tapping the line opens the details: storage, sync progress and receipt, history, lock,
 * user switch, language.
 */
export function Frame({
  user,
  onLock,
  onSwitchUser,
}: {
  user: Pick<UserRow, 'id' | 'name' | 'role'>;
  onLock: () => void;
  onSwitchUser: () => void;
}) {
  const { t } = useTranslation();
  const counts = useLive(() => localCounts(user.id), [user.id]);
  const c = counts.status === 'ready' ? counts.value : undefined;
  const unsynced = c?.unsynced ?? 0;
  const online = useOnline();
  const persistence = usePersistence();
  const [open, setOpen] = useState(false);
  const [language, setLanguage] = useLanguage();
  const detailsId = useId();
  const languageId = useId();
  // A link in the details (« Historique ») leads to another screen: the details close behind it.
  const path = usePath();
  useEffect(() => {
    setOpen(false);
  }, [path]);

  const render = (view: SyncView | undefined): ReactNode => {
    // Before the engine's chunk is there: the same line from the counters and the network alone.
    const fallback = syncLine({ phase: undefined, unsynced, online, sentSomething: false });
    const warn = !online || unsynced > 0 || view?.failed === true;
    return (
      <>
        <header className="app-header">
          <Link to="/" className="brand">
            {t('appName')}
          </Link>
          <div className="frame-status" role="group" aria-label={t('statusBar.label')}>
            <button
              type="button"
              className={`status-toggle ${warn ? 'status-warn' : 'status-ok'}`}
              aria-expanded={open}
              aria-controls={detailsId}
              onClick={() => {
                setOpen((o) => !o);
              }}
            >
              <span className="status-text">
                {view?.line ?? (
                  <span data-testid="sync-phase">
                    {t(`sync-engine:${'key' in fallback ? fallback.key : 'line.online'}`)}
                  </span>
                )}
                {' · '}
                <span data-testid="unsynced-count">
                  {t('statusBar.unsynced', { count: unsynced })}
                </span>
                {c && c.drafts > 0 && <> · {t('statusBar.drafts', { count: c.drafts })}</>}
              </span>
              <span className="status-chevron" aria-hidden="true">
                {open ? '▴' : '▾'}
              </span>
            </button>
          </div>
          {view?.button}
        </header>
        <div
          id={detailsId}
          className="frame-details"
          hidden={!open}
          role="region"
          aria-label={t('frame:details')}
        >
          <p className="lead">
            {t('frame:user', { name: user.name, role: t(`roles.${user.role}`) })}
          </p>
          <StorageDetails
            persist={persistence.result}
            askAgain={persistence.askAgain}
            drafts={c?.drafts ?? 0}
          />
          {view?.panel}
          <nav className="app-nav" aria-label={t('nav.home')}>
            <Link to="/sync" className="btn">
              {t('nav.history')}
            </Link>
            <Button onClick={onLock}>{t('nav.lock')}</Button>
            <Button onClick={onSwitchUser}>{t('nav.switchUser')}</Button>
          </nav>
          <div className="field">
            <label htmlFor={languageId}>{t('frame:language')}</label>
            <select
              id={languageId}
              value={language}
              onChange={(e) => {
                setLanguage(e.target.value);
              }}
            >
              {availableLanguages.map((lng) => (
                <option key={lng} value={lng}>
                  {t('frame:languageName', { lng })}
                </option>
              ))}
            </select>
          </div>
        </div>
      </>
    );
  };

  return (
    <Suspense fallback={render(undefined)}>
      <SyncBar userId={user.id} unsynced={unsynced} online={online}>
        {render}
      </SyncBar>
    </Suspense>
  );
}
