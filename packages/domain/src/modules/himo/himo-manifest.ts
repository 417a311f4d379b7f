import type { ModuleManifest } from '../module-descriptor';

/** HIMO: public works paid by the day — each microproject's roll, daily attendance and pay. */
export const himoManifest = {
  id: 'himo',
  recordTypes: ['himo_worker', 'himo_attendance', 'himo_payment'],
  capturedBy: ['field_agent'],
} as const satisfies ModuleManifest;
