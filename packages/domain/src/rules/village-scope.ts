import { isInZone } from '../admin/admin-areas';
import type { Village } from '../reference/reference-data';

/**
 * Whether a village is in a user's zones: a zone is an admin-area code (`mopti.koro`, every village of
 * its communes) or a village id. The server refuses a record of a village outside them, so the tablet
 * offers only these: a shared tablet holds the villages of every user who synced on it.
 */
export function villageInZones(
  village: Pick<Village, 'id' | 'communeCode'>,
  zones: readonly string[],
): boolean {
  return zones.some((zone) => zone === village.id || isInZone(village.communeCode, zone));
}
