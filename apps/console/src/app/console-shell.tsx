import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { getScope } from '../api/scope';
import { consolePaths } from '../components/console-link';
import { Page } from '../components/page';
import { adminScreen, adminSections } from '../features/admin/admin-screens';
import { filtersOf, queryOf } from '../hooks/use-filters';
import { useRemote } from '../hooks/use-remote';
import { ScopeContext } from '../hooks/use-scope';
import { Link, navigate, usePath } from '../lib/router';
import { useSessionApi, useUser } from '../session/session';
import { RouteErrorBoundary } from './route-error-boundary';
import type { Screen, Section } from './screen';
import { supervisorScreen, supervisorSections } from './supervisor-screens';

/**
 * The signed-in console: a header with who is signed in, the menu of this role's screens, and the
 * screen of the address. Online-first: every screen reads the server with the user's session.
 */
export function ConsoleShell() {
  const { t } = useTranslation();
  const sup = useTranslation('supervisor').t;
  const user = useUser();
  const { signOut } = useSessionApi();
  const path = usePath();
  const scope = useRemote((signal) => getScope(signal), 'scope');
  const filters = filtersOf(path);
  const isAdmin = user.role === 'admin';
  // The console's root shows the batch list under its own address, so filters (`?zone=…`) always
  // follow a sub-path and a reload or a shared link lands on the same view.
  const entry = path.split('?')[0] === '/';
  useEffect(() => {
    if (entry) navigate(consolePaths.batches(filters), { replace: true });
  }, [entry, filters]);

  const sections: Section[] = [
    ...supervisorSections.map((id) => ({
      id,
      label: sup(`nav.${id}`),
      to: consolePaths[id](filters),
    })),
    ...(isAdmin ? adminSections(t) : []),
  ];
  const screen: Screen | null =
    supervisorScreen(path, sup) ?? (isAdmin ? adminScreen(path, t) : null);

  return (
    <ScopeContext.Provider value={scope.status === 'ready' ? scope.value : undefined}>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className="app-header">
        <Link to={consolePaths.batches()} className="brand">
          {t('brand')}
        </Link>
        <span className="who">
          {t('signedInAs', { name: user.name, role: t(`roles.${user.role}`) })}
        </span>
        <button
          type="button"
          className="btn btn-small app-header-action"
          onClick={() => void signOut()}
        >
          {t('signOut')}
        </button>
      </header>
      <nav className="sup-nav" aria-label={t('mainNav')}>
        {sections.map((s) => (
          <Link
            key={s.id}
            to={s.to}
            className={`btn btn-small${screen?.section === s.id ? ' btn-primary' : ''}`}
            aria-current={screen?.section === s.id ? 'page' : undefined}
          >
            {s.label}
          </Link>
        ))}
      </nav>
      <RouteErrorBoundary resetKey={path}>
        {screen === null ? (
          entry ? null : (
            <Page title={t('notFound')} back={consolePaths.batches()}>
              <p>{path}</p>
            </Page>
          )
        ) : (
          <Page
            title={screen.title}
            {...(screen.back !== undefined ? { back: `${screen.back}${queryOf(filters)}` } : {})}
          >
            {screen.body}
          </Page>
        )}
      </RouteErrorBoundary>
    </ScopeContext.Provider>
  );
}
