import { useEffect } from 'react';
import { Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { Link, navigate, usePath } from '../../lib/router';
import { useSession } from '../../lib/session';
import { useLive } from '../../lib/use-live';
import { getSyncState } from '../../storage/sync-state';
import { getScope } from './api/scope';
import { consolePaths } from './components/console-link';
import { consoleScreen, type ConsoleSection } from './console-routes';
import { ApiTokenContext } from './hooks/use-api-token';
import { filtersOf, queryOf } from './hooks/use-filters';
import { useRemote } from './hooks/use-remote';
import { ScopeContext } from './hooks/use-scope';
import { useSupervisorT } from './i18n';
import './supervisor.css';

const SECTIONS: readonly ConsoleSection[] = [
  'batches',
  'conflicts',
  'duplicates',
  'dashboard',
  'exports',
];
// Importing a tablet's file writes as that tablet: the server allows it to admins only.
const ADMIN_SECTIONS: readonly ConsoleSection[] = [...SECTIONS, 'imports'];
const ALLOWED = new Set(['supervisor', 'admin']);

/**
 * The supervisor console, mounted at `/supervision` and below. Online-first: every screen
 * reads the server with the supervisor's own token; nothing here is stored on the device.
 */
export default function SupervisorConsole() {
  const { t } = useSupervisorT();
  const { user } = useSession();
  const state = useLive(() => getSyncState(user.id), [user.id]);
  if (!ALLOWED.has(user.role))
    return (
      <Page title={t('console.title')} back="/">
        <Notice tone="error">{t('console.forbiddenRole')}</Notice>
      </Page>
    );
  if (state.status === 'loading') return <Notice tone="info">{t('loading')}</Notice>;
  const token =
    state.status === 'ready' && state.value.ok ? state.value.value?.deviceToken : undefined;
  if (token === undefined)
    return (
      <Page title={t('console.title')} back="/">
        <Notice tone="error">{t('console.noToken')}</Notice>
      </Page>
    );
  return (
    <ApiTokenContext.Provider value={token}>
      <ConsoleWithScope />
    </ApiTokenContext.Provider>
  );
}

function ConsoleWithScope() {
  const { t } = useSupervisorT();
  const { user } = useSession();
  const path = usePath();
  const scope = useRemote((token, signal) => getScope(token, signal), 'scope');
  const screen = consoleScreen(path, t);
  const filters = filtersOf(path);
  const entry = path.split('?')[0] === '/supervision';
  // The entry path shows the batch list under its own address, so filters (`?zone=…`) always follow
  // a sub-path and a reload or a shared link lands on the same view.
  useEffect(() => {
    if (entry) navigate(consolePaths.batches(filters), { replace: true });
  }, [entry, filters]);
  return (
    <ScopeContext.Provider value={scope.status === 'ready' ? scope.value : undefined}>
      <nav className="sup-nav" aria-label={t('console.title')}>
        {(user.role === 'admin' ? ADMIN_SECTIONS : SECTIONS).map((s) => (
          <Link
            key={s}
            to={consolePaths[s](filters)}
            className={`btn btn-small${screen?.section === s ? ' btn-primary' : ''}`}
            aria-current={screen?.section === s ? 'page' : undefined}
          >
            {t(`nav.${s}`)}
          </Link>
        ))}
      </nav>
      {screen === null ? (
        <Page title={t('console.notFound')} back={consolePaths.batches()}>
          <p>{path}</p>
        </Page>
      ) : (
        <Page
          title={screen.title}
          {...(screen.back !== undefined ? { back: `${screen.back}${queryOf(filters)}` } : {})}
        >
          {screen.body}
        </Page>
      )}
    </ScopeContext.Provider>
  );
}
