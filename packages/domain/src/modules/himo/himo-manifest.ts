import type { ModuleManifest } from '../module-descriptor';

/** HIMO: public works paid by the day — each microproject's roll, daily attendance and pay. */
export const himoManifest = {
  id: 'himo',
  label: 'Travaux HIMO',
  recordTypes: [
    { type: 'himo_worker', capturedBy: ['field_agent'] },
    { type: 'himo_attendance', capturedBy: ['field_agent'] },
    { type: 'himo_payment', capturedBy: ['field_agent'] },
  ],
} as const satisfies ModuleManifest;
