import type { VillageListResponse } from '@jigi/contract';
import { getArea, isInZone, listCercles, listCommunes } from '@jigi/domain';

export type ZoneOption = { value: string; label: string; depth: number };

/**
 * The zones a supervisor can filter by: each of their own zones, the admin areas under it (cercles,
 * communes) and the villages of their scope. Only narrowing is offered; the server checks it anyway.
 */
export function zoneOptions(
  userZones: readonly string[],
  villages: readonly Pick<VillageListResponse['villages'][number], 'id' | 'name' | 'communeCode'>[],
): ZoneOption[] {
  const out: ZoneOption[] = [];
  const seen = new Set<string>();
  const push = (value: string, label: string, depth: number) => {
    if (seen.has(value)) return;
    seen.add(value);
    out.push({ value, label, depth });
  };
  const addVillages = (code: string, depth: number) => {
    for (const v of villages
      .filter((x) => isInZone(x.communeCode, code))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr')))
      push(v.id, v.name, depth);
  };
  const addArea = (code: string, depth: number) => {
    const area = getArea(code);
    if (!area) return;
    push(area.code, area.name, depth);
    const children =
      area.level === 'region'
        ? listCercles(code)
        : area.level === 'cercle'
          ? listCommunes(code)
          : [];
    const populated = children.filter((c) => villages.some((v) => isInZone(v.communeCode, c.code)));
    for (const child of populated) addArea(child.code, depth + 1);
    if (area.level === 'commune') addVillages(code, depth + 1);
  };
  for (const zone of userZones) {
    if (getArea(zone)) addArea(zone, 0);
    else {
      const village = villages.find((v) => v.id === zone);
      push(zone, village?.name ?? zone, 0);
    }
  }
  return out;
}
