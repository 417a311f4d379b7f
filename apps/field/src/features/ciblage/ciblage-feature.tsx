import { lazy } from 'react';
import type { FieldModule } from '../../lib/field-module';

const CiblageList = lazy(() =>
  import('./ciblage-screens').then((m) => ({ default: m.CiblageList })),
);
const NewCiblage = lazy(() => import('./ciblage-screens').then((m) => ({ default: m.NewCiblage })));
const CiblageForm = lazy(() => import('./ciblage-form').then((m) => ({ default: m.CiblageForm })));

/** The enumerator's household surveys: list, « new » and the questionnaire. */
export const ciblageFeature: FieldModule = {
  tiles: [
    { to: '/ciblage/new', title: 'home:newCiblage', primary: true },
    { to: '/ciblage', title: 'home:ciblage', hint: 'home:ciblageHint' },
  ],
  routes: [
    { pattern: '/ciblage', render: () => <CiblageList /> },
    { pattern: '/ciblage/new', render: () => <NewCiblage /> },
  ],
  records: {
    ciblage_household: { path: '/ciblage', label: 'ciblage:formTitle', form: CiblageForm },
  },
  warmUp: [() => import('./ciblage-form'), () => import('./ciblage-screens')],
};
