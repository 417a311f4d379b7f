import { lazyScreen, type FieldModule } from '../../lib/field-module';

// One import per chunk, shared by its screens and the warm-up, so the shell lists each chunk once.
const screens = () => import('./pnp-screens');
const form = () => import('./pnp-form');
const PnpList = lazyScreen(screens, 'PnpList');
const NewPnp = lazyScreen(screens, 'NewPnp');
const PnpForm = lazyScreen(form, 'PnpForm');

/** The field agent's PNP enrolments: list, « new » and the enrolment form. */
export const pnpFeature: FieldModule = {
  tiles: [
    { to: '/pnp/new', title: 'home:newPnp', primary: true },
    { to: '/pnp', title: 'home:pnp', hint: 'home:pnpHint' },
  ],
  routes: [
    { pattern: '/pnp', render: () => <PnpList /> },
    { pattern: '/pnp/new', render: () => <NewPnp /> },
  ],
  records: { pnp_enrolment: { path: '/pnp', label: 'pnp:formTitle', form: PnpForm } },
  warmUp: [form, screens],
};
