import { defaultProgramSettings, type MuacThresholds } from '@jigi/domain';

/**
 * MUAC thresholds the record view colours children with: the colour of a child is derived, never
 * stored (domain `muacColour`), so the console derives it the same way. The programme's own
 * thresholds are readable by admins only (`GET /api/admin/settings`); until supervisors have a read
 * of them, the console uses the programme's defaults (README, « Known gaps »).
 */
export function useMuacThresholds(): MuacThresholds {
  return defaultProgramSettings.muac;
}
