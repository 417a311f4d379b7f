import { lazyScreen, type FieldModule } from '../../lib/field-module';

// One import per chunk, shared by its screens and the warm-up, so the shell lists each chunk once.
const screens = () => import('./ciblage-screens');
const form = () => import('./ciblage-form');
const CiblageList = lazyScreen(screens, 'CiblageList');
const NewCiblage = lazyScreen(screens, 'NewCiblage');
const CiblageForm = lazyScreen(form, 'CiblageForm');

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
  warmUp: [form, screens],
};
