import { searchKey } from '../common/search-key';
import { communeAliases, maliAdminData } from './admin-data';

/** Level of an admin area. A code's level is its number of `.`-separated segments. */
export type AreaLevel = 'region' | 'cercle' | 'commune';

/** One area of the admin list, with its parent chain (codes are slugs: `mopti.koro.bamba`). */
export type AdminArea = {
  code: string;
  name: string;
  level: AreaLevel;
  parentCode?: string;
  /** Commune only: alternative spellings. */
  aliases?: readonly string[];
  /** Cercle only: whether its commune list is believed complete. */
  communesComplete?: boolean;
};

/** A commune found by {@link searchCommunes}, named with its cercle and region (homonyms are frequent). */
export type CommuneMatch = AdminArea & { cercleName: string; regionName: string };

const areas = new Map<string, AdminArea>();
const children = new Map<string, AdminArea[]>();
const regions: AdminArea[] = [];
const communes: CommuneMatch[] = [];

for (const r of maliAdminData.regions) {
  const region: AdminArea = { code: r.code, name: r.name, level: 'region' };
  regions.push(region);
  areas.set(r.code, region);
  const cercles: AdminArea[] = [];
  for (const c of r.cercles) {
    const cercle: AdminArea = {
      code: c.code,
      name: c.name,
      level: 'cercle',
      parentCode: r.code,
      communesComplete: c.communes_complete,
    };
    cercles.push(cercle);
    areas.set(c.code, cercle);
    const list: AdminArea[] = [];
    for (const m of c.communes) {
      const commune: AdminArea = {
        code: m.code,
        name: m.name,
        level: 'commune',
        parentCode: c.code,
        aliases: communeAliases[m.code] ?? [],
      };
      list.push(commune);
      areas.set(m.code, commune);
      communes.push({ ...commune, cercleName: c.name, regionName: r.name });
    }
    children.set(c.code, list);
  }
  children.set(r.code, cercles);
}

/** Regions, in file order. */
export function listRegions(): readonly AdminArea[] {
  return regions;
}
/** Cercles of a region (empty for an unknown code). */
export function listCercles(regionCode: string): readonly AdminArea[] {
  return areas.get(regionCode)?.level === 'region' ? (children.get(regionCode) ?? []) : [];
}
/** Communes of a cercle (empty for an unknown code). */
export function listCommunes(cercleCode: string): readonly AdminArea[] {
  return areas.get(cercleCode)?.level === 'cercle' ? (children.get(cercleCode) ?? []) : [];
}
/** Any area by code. */
export function getArea(code: string): AdminArea | undefined {
  return areas.get(code);
}

const compact = (s: string): string => searchKey(s).replace(/ /g, '');

/**
 * Communes whose name or alias contains the query, ignoring case, accents, spaces, hyphens and
 * apostrophes (« derary », « KORO », « koporo-pen »). Exact and prefix matches first, then by name.
 */
export function searchCommunes(query: string, limit = 20): CommuneMatch[] {
  const q = compact(query);
  if (q === '') return [];
  const scored: { match: CommuneMatch; score: number }[] = [];
  for (const c of communes) {
    const keys = [c.name, ...(c.aliases ?? [])].map(compact);
    const score = keys.some((k) => k === q)
      ? 0
      : keys.some((k) => k.startsWith(q))
        ? 1
        : keys.some((k) => k.includes(q))
          ? 2
          : -1;
    if (score >= 0) scored.push({ match: c, score });
  }
  scored.sort(
    (a, b) =>
      a.score - b.score ||
      a.match.name.localeCompare(b.match.name, 'fr') ||
      a.match.code.localeCompare(b.match.code),
  );
  return scored.slice(0, limit).map((s) => s.match);
}

/**
 * Whether an area (or a village's commune code) lies in a zone: the zone code equals it or is one of its
 * ancestors, compared segment by segment (`mopti.ko` is not an ancestor of `mopti.koro`).
 */
export function isInZone(areaCode: string, zoneCode: string): boolean {
  if (zoneCode === '' || areaCode === '') return false;
  return areaCode === zoneCode || areaCode.startsWith(`${zoneCode}.`);
}
