import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../components/notice';
import { Page } from '../components/page';
import { ConsolePlaceholder, RoleHome } from '../features/home/role-home';
import { matchPath, usePath } from '../lib/router';
import { RouteErrorBoundary } from './route-error-boundary';

// Each workflow is its own chunk, loaded on first use (and precached by the service worker), so the
// shell that opens the app stays small on a 2 GB tablet.
const CiblageForm = lazy(() =>
  import('../features/ciblage/ciblage-form').then((m) => ({ default: m.CiblageForm })),
);
const CiblageList = lazy(() =>
  import('../features/ciblage/ciblage-screens').then((m) => ({ default: m.CiblageList })),
);
const NewCiblage = lazy(() =>
  import('../features/ciblage/ciblage-screens').then((m) => ({ default: m.NewCiblage })),
);
const CorrectionsList = lazy(() =>
  import('../features/corrections/corrections-list').then((m) => ({ default: m.CorrectionsList })),
);
const HimoProject = lazy(() =>
  import('../features/himo/himo-project').then((m) => ({ default: m.HimoProject })),
);
const HimoProjects = lazy(() =>
  import('../features/himo/himo-projects').then((m) => ({ default: m.HimoProjects })),
);
const NewSheet = lazy(() =>
  import('../features/himo/himo-screens').then((m) => ({ default: m.NewSheet })),
);
const NewWorker = lazy(() =>
  import('../features/himo/himo-screens').then((m) => ({ default: m.NewWorker })),
);
const SheetForm = lazy(() =>
  import('../features/himo/sheet-form').then((m) => ({ default: m.SheetForm })),
);
const WorkerForm = lazy(() =>
  import('../features/himo/worker-form').then((m) => ({ default: m.WorkerForm })),
);
const MaForm = lazy(() => import('../features/ma/ma-form').then((m) => ({ default: m.MaForm })));
const MaList = lazy(() => import('../features/ma/ma-screens').then((m) => ({ default: m.MaList })));
const NewMaSession = lazy(() =>
  import('../features/ma/ma-screens').then((m) => ({ default: m.NewMaSession })),
);
const PnpForm = lazy(() =>
  import('../features/pnp/pnp-form').then((m) => ({ default: m.PnpForm })),
);
const NewPnp = lazy(() =>
  import('../features/pnp/pnp-screens').then((m) => ({ default: m.NewPnp })),
);
const PnpList = lazy(() =>
  import('../features/pnp/pnp-screens').then((m) => ({ default: m.PnpList })),
);
const SyncHistory = lazy(() =>
  import('../features/sync-history/sync-history').then((m) => ({ default: m.SyncHistory })),
);

// The supervisor console (features/supervisor, issue 6) routes inside itself: every path under
// /supervision goes to it.
const SupervisorConsole = lazy(() => import('../features/supervisor/supervisor-console'));

/** Whether a path (its part before `?`: the console keeps its filters in the query) is the console's. */
export function isConsolePath(path: string): boolean {
  const pathname = path.split('?')[0] ?? path;
  return pathname === '/supervision' || pathname.startsWith('/supervision/');
}

type Route = { pattern: string; render: (params: Record<string, string>) => React.ReactNode };

// Order matters: `/ciblage/new` before `/ciblage/:id`.
function useRoutes(): Route[] {
  const { t } = useTranslation('home');
  return [
    { pattern: '/', render: () => <RoleHome /> },
    { pattern: '/ciblage', render: () => <CiblageList /> },
    { pattern: '/ciblage/new', render: () => <NewCiblage /> },
    { pattern: '/ciblage/:id', render: (p) => <CiblageForm key={p['id']} id={p['id'] ?? ''} /> },
    { pattern: '/ma', render: () => <MaList /> },
    { pattern: '/ma/new', render: () => <NewMaSession /> },
    { pattern: '/ma/:id', render: (p) => <MaForm key={p['id']} id={p['id'] ?? ''} /> },
    { pattern: '/pnp', render: () => <PnpList /> },
    { pattern: '/pnp/new', render: () => <NewPnp /> },
    { pattern: '/pnp/:id', render: (p) => <PnpForm key={p['id']} id={p['id'] ?? ''} /> },
    { pattern: '/himo', render: () => <HimoProjects /> },
    {
      pattern: '/himo/p/:projectId',
      render: (p) => <HimoProject projectId={p['projectId'] ?? ''} />,
    },
    {
      pattern: '/himo/p/:projectId/worker/new',
      render: (p) => <NewWorker projectId={p['projectId'] ?? ''} />,
    },
    {
      pattern: '/himo/p/:projectId/sheet/new',
      render: (p) => <NewSheet projectId={p['projectId'] ?? ''} />,
    },
    { pattern: '/himo/worker/:id', render: (p) => <WorkerForm key={p['id']} id={p['id'] ?? ''} /> },
    { pattern: '/himo/sheet/:id', render: (p) => <SheetForm key={p['id']} id={p['id'] ?? ''} /> },
    { pattern: '/corrections', render: () => <CorrectionsList /> },
    { pattern: '/sync', render: () => <SyncHistory /> },
    { pattern: '/admin', render: () => <ConsolePlaceholder title={t('admin')} /> },
  ];
}

export function AppRoutes() {
  const path = usePath();
  const routes = useRoutes();
  const { t } = useTranslation();
  if (isConsolePath(path))
    return (
      <RouteErrorBoundary resetKey={path}>
        <Suspense fallback={<Notice tone="info">{t('loading')}</Notice>}>
          <SupervisorConsole />
        </Suspense>
      </RouteErrorBoundary>
    );
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
  const load: Record<string, (() => Promise<unknown>)[]> = {
    enumerator: [
      () => import('../features/ciblage/ciblage-form'),
      () => import('../features/ciblage/ciblage-screens'),
      () => import('../features/corrections/corrections-list'),
    ],
    facilitator: [
      () => import('../features/ma/ma-form'),
      () => import('../features/ma/ma-screens'),
      () => import('../features/corrections/corrections-list'),
    ],
    field_agent: [
      () => import('../features/pnp/pnp-form'),
      () => import('../features/pnp/pnp-screens'),
      () => import('../features/himo/himo-project'),
      () => import('../features/himo/himo-projects'),
      () => import('../features/himo/himo-screens'),
      () => import('../features/himo/sheet-form'),
      () => import('../features/himo/worker-form'),
    ],
  };
  for (const l of load[role] ?? []) void l().catch(() => undefined);
}
