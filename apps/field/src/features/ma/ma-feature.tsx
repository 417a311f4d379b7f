import { lazyScreen, type FieldModule } from '../../lib/field-module';

// One import per chunk, shared by its screens and the warm-up, so the shell lists each chunk once.
const screens = () => import('./ma-screens');
const form = () => import('./ma-form');
const MaList = lazyScreen(screens, 'MaList');
const NewMaSession = lazyScreen(screens, 'NewMaSession');
const MaForm = lazyScreen(form, 'MaForm');

/** The facilitator's MA sessions: list, « new » and the attendance form. */
export const maFeature: FieldModule = {
  tiles: [
    { to: '/ma/new', title: 'home:newMa', primary: true },
    { to: '/ma', title: 'home:ma', hint: 'home:maHint' },
  ],
  routes: [
    { pattern: '/ma', render: () => <MaList /> },
    { pattern: '/ma/new', render: () => <NewMaSession /> },
  ],
  records: { ma_session: { path: '/ma', label: 'ma:formTitle', form: MaForm } },
  warmUp: [form, screens],
};
