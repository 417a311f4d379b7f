import type { ModuleManifest } from '../module-descriptor';

/**
 * Community validation: the village assembly (assemblée villageoise) that reads out the ranked list
 * and records who is kept, removed or added. Held by the MA facilitator (or a supervisor, who may
 * write any type); the list reaches the tablet as a record to complete (docs/targeting.md).
 */
export const assemblyManifest = {
  id: 'assembly',
  recordTypes: ['assembly_validation'],
  capturedBy: ['facilitator'],
} as const satisfies ModuleManifest;
