import { lazyScreen, type FieldModule } from '../../lib/field-module';

// One import per chunk, shared by its screens and the warm-up, so the shell lists each chunk once.
const projects = () => import('./himo-projects');
const project = () => import('./himo-project');
const screens = () => import('./himo-screens');
const workerForm = () => import('./worker-form');
const sheetForm = () => import('./sheet-form');
const HimoProjects = lazyScreen(projects, 'HimoProjects');
const HimoProject = lazyScreen(project, 'HimoProject');
const NewWorker = lazyScreen(screens, 'NewWorker');
const NewSheet = lazyScreen(screens, 'NewSheet');
const WorkerForm = lazyScreen(workerForm, 'WorkerForm');
const SheetForm = lazyScreen(sheetForm, 'SheetForm');

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
  warmUp: [project, projects, screens, sheetForm, workerForm],
};
