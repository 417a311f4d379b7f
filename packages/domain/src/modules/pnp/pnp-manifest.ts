import type { ModuleManifest } from '../module-descriptor';

/** PNP: enrolment of young children and pregnant or breastfeeding women, with their MUAC. */
export const pnpManifest = {
  id: 'pnp',
  recordTypes: ['pnp_enrolment'],
  capturedBy: ['field_agent'],
} as const satisfies ModuleManifest;
