import { lazy } from 'react';
import type { FieldModule } from '../../lib/field-module';

const PnpList = lazy(() => import('./pnp-screens').then((m) => ({ default: m.PnpList })));
const NewPnp = lazy(() => import('./pnp-screens').then((m) => ({ default: m.NewPnp })));
const PnpForm = lazy(() => import('./pnp-form').then((m) => ({ default: m.PnpForm })));

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
  warmUp: [() => import('./pnp-form'), () => import('./pnp-screens')],
};
