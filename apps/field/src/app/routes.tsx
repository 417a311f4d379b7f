import { useTranslation } from 'react-i18next';
import { Page } from '../components/page';
import { CiblageForm } from '../features/ciblage/ciblage-form';
import { CiblageList, NewCiblage } from '../features/ciblage/ciblage-screens';
import { CorrectionsList } from '../features/corrections/corrections-list';
import { HimoProject } from '../features/himo/himo-project';
import { HimoProjects } from '../features/himo/himo-projects';
import { NewSheet, NewWorker } from '../features/himo/himo-screens';
import { SheetForm } from '../features/himo/sheet-form';
import { WorkerForm } from '../features/himo/worker-form';
import { ConsolePlaceholder, RoleHome } from '../features/home/role-home';
import { MaForm } from '../features/ma/ma-form';
import { MaList, NewMaSession } from '../features/ma/ma-screens';
import { PnpForm } from '../features/pnp/pnp-form';
import { NewPnp, PnpList } from '../features/pnp/pnp-screens';
import { SyncHistory } from '../features/sync-history/sync-history';
import { matchPath, usePath } from '../lib/router';

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
    { pattern: '/himo/p/:projectId', render: (p) => <HimoProject projectId={p['projectId'] ?? ''} /> },
    { pattern: '/himo/p/:projectId/worker/new', render: (p) => <NewWorker projectId={p['projectId'] ?? ''} /> },
    { pattern: '/himo/p/:projectId/sheet/new', render: (p) => <NewSheet projectId={p['projectId'] ?? ''} /> },
    { pattern: '/himo/worker/:id', render: (p) => <WorkerForm key={p['id']} id={p['id'] ?? ''} /> },
    { pattern: '/himo/sheet/:id', render: (p) => <SheetForm key={p['id']} id={p['id'] ?? ''} /> },
    { pattern: '/corrections', render: () => <CorrectionsList /> },
    { pattern: '/sync', render: () => <SyncHistory /> },
    { pattern: '/supervision', render: () => <ConsolePlaceholder title={t('supervision')} /> },
    { pattern: '/admin', render: () => <ConsolePlaceholder title={t('admin')} /> },
  ];
}

export function AppRoutes() {
  const path = usePath();
  const routes = useRoutes();
  const { t } = useTranslation();
  for (const route of routes) {
    const params = matchPath(route.pattern, path);
    if (params) return <>{route.render(params)}</>;
  }
  return (
    <Page title={t('notFound')} back="/">
      <p>{path}</p>
    </Page>
  );
}
