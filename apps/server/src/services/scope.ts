import { isInZone, recordTypesWritableBy } from '@jigi/domain';
import type { UserRole } from '@jigi/sync';
import type { UserRow, VillageRow } from '../storage/rows';
import type { Tx } from '../storage/store';
import type { Deps } from './deps';

/** Villages a user may read and write: every village for admins, else those in the user's zones. */
export type VillageScope = 'all' | ReadonlySet<string>;

/** A zone is an admin-area code (`mopti.koro`) or a village id (architecture §5). */
export function villageInZones(
  village: Pick<VillageRow, 'id' | 'communeCode'>,
  zones: readonly string[],
): boolean {
  return zones.some((zone) => zone === village.id || isInZone(village.communeCode, zone));
}

export async function villageScopeOf(
  tx: Tx,
  user: Pick<UserRow, 'role' | 'zones'>,
): Promise<VillageScope> {
  if (user.role === 'admin') return 'all';
  return new Set(
    (await tx.reference.listVillages())
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

/** Record types a role may write and pull: its modules' (from the registry); all for reviewers. */
export function roleRecordTypes(role: UserRole): readonly string[] {
  return recordTypesWritableBy(role);
}

/**
 * Villages the caller may see, narrowed to a zone when one is asked for (`undefined`: all). Opens its
 * own read: call it before the transaction that uses the list.
 */
export async function villagesFor(
  deps: Deps,
  auth: { scope(): Promise<VillageScope> },
  zone: string | undefined,
): Promise<string[] | undefined> {
  const scoped = scopeList(await auth.scope());
  if (zone === undefined) return scoped;
  const inZone = (await deps.store.read((tx) => tx.reference.listVillages()))
    .filter((v) => villageInZones(v, [zone]))
    .map((v) => v.id);
  return scoped === undefined ? inZone : inZone.filter((id) => scoped.includes(id));
}

/** The villages of the caller's zones, as the domain's JSON with their version. */
export async function visibleVillages(deps: Deps, auth: { scope(): Promise<VillageScope> }) {
  const scope = await auth.scope();
  const villages = await deps.store.read((tx) => tx.reference.listVillages());
  return villages
    .filter((v) => inScope(scope, v.id))
    .map((v) => ({ ...v.data, version: v.version }));
}
