import { isInZone, recordTypes, type RecordType } from '@jigi/domain';
import type { UserRole } from '@jigi/sync';
import type { Repository, UserRow, VillageRow } from '../storage/repository';

/** Villages a user may read and write: every village for admins, else those in the user's zones. */
export type VillageScope = 'all' | ReadonlySet<string>;

/** A zone is an admin-area code (`mopti.koro`) or a village id (architecture §5). */
export function villageInZones(
  village: Pick<VillageRow, 'id' | 'communeCode'>,
  zones: readonly string[],
): boolean {
  return zones.some((zone) => zone === village.id || isInZone(village.communeCode, zone));
}

export function villageScopeOf(
  repo: Repository,
  user: Pick<UserRow, 'role' | 'zones'>,
): VillageScope {
  if (user.role === 'admin') return 'all';
  return new Set(
    repo
      .listVillages()
      .filter((v) => villageInZones(v, user.zones))
      .map((v) => v.id),
  );
}

export function inScope(scope: VillageScope, villageId: string): boolean {
  return scope === 'all' || scope.has(villageId);
}

/** The list form for storage queries (`undefined`: no restriction). */
export function scopeList(scope: VillageScope): string[] | undefined {
  return scope === 'all' ? undefined : [...scope];
}

/** Record types each role captures on a tablet (README roles; supervisors and admins see all). */
export const roleRecordTypes: Record<UserRole, readonly RecordType[]> = {
  admin: recordTypes,
  supervisor: recordTypes,
  enumerator: ['ciblage_household'],
  facilitator: ['ma_session'],
  field_agent: ['pnp_enrolment', 'himo_worker', 'himo_attendance', 'himo_payment'],
};
