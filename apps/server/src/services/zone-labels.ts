import { getArea } from '@jigi/domain';
import type { Zone } from '@jigi/contract';
import type { VillageRow } from '../storage/rows';

// A zone is an admin-area code or a village id (architecture §5); people see it by name, with its
// parents, since commune names repeat across cercles.

export function zoneLabel(code: string, villages: ReadonlyMap<string, VillageRow>): string {
  const village = villages.get(code);
  if (village !== undefined) return `${village.name} (${areaPath(village.communeCode)})`;
  const area = getArea(code);
  if (area === undefined) return code;
  if (area.level === 'region') return `Région de ${area.name}`;
  if (area.level === 'cercle') return `Cercle de ${area.name} (${areaPath(area.parentCode ?? '')})`;
  return `Commune de ${area.name} (${areaPath(area.parentCode ?? '')})`;
}

/** « Koro, Mopti » for a cercle code, « Dioungani, Koro, Mopti » for a commune's. */
export function areaPath(code: string): string {
  const names: string[] = [];
  for (let area = getArea(code); area !== undefined; area = getArea(area.parentCode ?? ''))
    names.push(area.name);
  return names.join(', ');
}

export function zonesOf(
  codes: readonly string[],
  villages: ReadonlyMap<string, VillageRow>,
): Zone[] {
  return codes.map((code) => ({ code, label: zoneLabel(code, villages) }));
}

/** The codes that are neither an admin area nor a known village. */
export function unknownZones(
  codes: readonly string[],
  villages: ReadonlyMap<string, VillageRow>,
): string[] {
  return codes.filter((c) => getArea(c) === undefined && !villages.has(c));
}
