import type { ModuleManifest } from '../module-descriptor';

/** MA: awareness sessions of the beneficiary households, with who attended. */
export const maManifest = {
  id: 'ma',
  label: 'Mesures d’accompagnement',
  recordTypes: [{ type: 'ma_session', capturedBy: ['facilitator'] }],
} as const satisfies ModuleManifest;
