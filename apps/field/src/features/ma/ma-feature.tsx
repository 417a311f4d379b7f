import { lazy } from 'react';
import type { FieldModule } from '../../lib/field-module';

const MaList = lazy(() => import('./ma-screens').then((m) => ({ default: m.MaList })));
const NewMaSession = lazy(() => import('./ma-screens').then((m) => ({ default: m.NewMaSession })));
const MaForm = lazy(() => import('./ma-form').then((m) => ({ default: m.MaForm })));

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
  warmUp: [() => import('./ma-form'), () => import('./ma-screens')],
};
