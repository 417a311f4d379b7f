import { lazyScreen, type FieldModule } from '../../lib/field-module';

// One import per chunk, shared by its screens and the warm-up, so the shell lists each chunk once.
const screens = () => import('./assembly-screens');
const form = () => import('./assembly-form');
const AssemblyList = lazyScreen(screens, 'AssemblyList');
const NoNewAssembly = lazyScreen(screens, 'NoNewAssembly');
const AssemblyForm = lazyScreen(form, 'AssemblyForm');

/**
 * Village assemblies: the lists the supervisor published (they arrive by sync, names only, to be
 * completed), and the form that records what the assembly decided. A list is never started here.
 */
export const assemblyFeature: FieldModule = {
  tiles: [{ to: '/assembly', title: 'assembly:tile', hint: 'assembly:tileHint' }],
  routes: [
    { pattern: '/assembly', render: () => <AssemblyList /> },
    { pattern: '/assembly/new', render: () => <NoNewAssembly /> },
  ],
  records: {
    assembly_validation: { path: '/assembly', label: 'assembly:formTitle', form: AssemblyForm },
  },
  warmUp: [form, screens],
};
