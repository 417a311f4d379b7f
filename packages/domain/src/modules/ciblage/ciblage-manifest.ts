import type { ModuleManifest } from '../module-descriptor';

/** Ciblage: the household questionnaire an enumerator fills in, from which the poorest are chosen. */
export const ciblageManifest = {
  id: 'ciblage',
  recordTypes: ['ciblage_household'],
  capturedBy: ['enumerator'],
} as const satisfies ModuleManifest;
