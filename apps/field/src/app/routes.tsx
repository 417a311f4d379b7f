import { modulesCapturedBy } from '@jigi/domain/manifests';
import { Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../components/notice';
import { Page } from '../components/page';
import { ConsoleMoved } from '../features/console-moved/console-moved';
import { RoleHome } from '../features/home/role-home';
import { lazyScreen } from '../lib/field-module';
import { matchPath, usePath } from '../lib/router';
import { useSession } from '../lib/session';
import { fieldModules } from './field-modules';
import { RouteErrorBoundary } from './route-error-boundary';

// Each workflow is its own chunk, loaded on first use (and precached by the service worker), so the
// shell that opens the app stays small on a 2 GB tablet. The modules' screens are declared by their
// feature folders (app/field-modules.ts); the shell only knows their paths.
const corrections = () => import('./corrections-list');
const CorrectionsList = lazyScreen(corrections, 'CorrectionsList');
const SyncHistory = lazyScreen(
  () => import('../features/sync-history/sync-history'),
  'SyncHistory',
);

// Supervisors and admins work in the console (apps/console, served at /console/): the tablet app's
// old console addresses (/supervision…, /admin…) and their home say where to go.
const consolePrefixes = ['/supervision', '/admin'];

/** Whether a path (its part before `?`) is one of the console's old addresses in the tablet app. */
export function isConsolePath(path: string): boolean {
  const pathname = path.split('?')[0] ?? path;
  return consolePrefixes.some((p) => pathname === p || pathname.startsWith(`${p}/`));
}

type Route = { pattern: string; render: (params: Readonly<Record<string, string>>) => ReactNode };

// Every module's screens, then its record forms at `<path>/:id` (so `/ciblage/new` comes before
// `/ciblage/:id`), in the registry's order.
const moduleRoutes: readonly Route[] = Object.values(fieldModules).flatMap((m) => [
  ...m.routes,
  ...Object.values(m.records).map((screen): Route => {
    const Form = screen.form;
    return {
      pattern: `${screen.path}/:id`,
      render: (p) => <Form key={p['id']} id={p['id'] ?? ''} />,
    };
  }),
]);

/** The home screen with the tiles of the modules this user's role captures. */
function Home() {
  const { user } = useSession();
  if (user.role === 'supervisor' || user.role === 'admin') return <ConsoleMoved />;
  return <RoleHome work={modulesCapturedBy(user.role).flatMap((id) => fieldModules[id].tiles)} />;
}

function useRoutes(): Route[] {
  return [
    { pattern: '/', render: () => <Home /> },
    ...moduleRoutes,
    { pattern: '/corrections', render: () => <CorrectionsList /> },
    { pattern: '/sync', render: () => <SyncHistory /> },
  ];
}

export function AppRoutes() {
  const path = usePath();
  const routes = useRoutes();
  const { t } = useTranslation();
  if (isConsolePath(path)) return <ConsoleMoved />;
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (params)
      return (
        <RouteErrorBoundary resetKey={path}>
          <Suspense fallback={<Notice tone="info">{t('loading')}</Notice>}>
            {route.render(params)}
          </Suspense>
        </RouteErrorBoundary>
      );
  }
  return (
    <Page title={t('notFound')} back="/">
      <p>{path}</p>
    </Page>
  );
}

/** Loads a role's screens in the background once the app is open (the service worker also precaches them). */
export function warmUpRoutes(role: string): void {
  const modules = modulesCapturedBy(role);
  const load = modules.flatMap((id) => fieldModules[id].warmUp);
  if (modules.length > 0) load.push(corrections);
  for (const l of load) void l().catch(() => undefined);
}
