import type { ModuleManifest } from '../module-descriptor';

/** MA: awareness sessions of the beneficiary households, with who attended. */
export const maManifest = {
  id: 'ma',
  recordTypes: ['ma_session'],
  capturedBy: ['facilitator'],
} as const satisfies ModuleManifest;
