import { lazy } from 'react';
import type { FieldModule } from '../../lib/field-module';

const HimoProjects = lazy(() =>
  import('./himo-projects').then((m) => ({ default: m.HimoProjects })),
);
const HimoProject = lazy(() => import('./himo-project').then((m) => ({ default: m.HimoProject })));
const NewWorker = lazy(() => import('./himo-screens').then((m) => ({ default: m.NewWorker })));
const NewSheet = lazy(() => import('./himo-screens').then((m) => ({ default: m.NewSheet })));
const WorkerForm = lazy(() => import('./worker-form').then((m) => ({ default: m.WorkerForm })));
const SheetForm = lazy(() => import('./sheet-form').then((m) => ({ default: m.SheetForm })));

/** Public works: the microprojects of the agent's villages, each with its roll, sheets and pay. */
export const himoFeature: FieldModule = {
  tiles: [{ to: '/himo', title: 'home:himo', hint: 'home:himoHint', primary: true }],
  routes: [
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
  ],
  records: {
    himo_worker: { path: '/himo/worker', label: 'himo:worker.title', form: WorkerForm },
    himo_attendance: { path: '/himo/sheet', label: 'himo:sheet.label', form: SheetForm },
  },
  warmUp: [
    () => import('./himo-project'),
    () => import('./himo-projects'),
    () => import('./himo-screens'),
    () => import('./sheet-form'),
    () => import('./worker-form'),
  ],
};
