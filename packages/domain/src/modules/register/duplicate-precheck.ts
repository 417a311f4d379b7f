import { normalizeNina } from '../../common/nina';
import { normalizeMaliPhone } from '../../common/phone';
import { searchKey } from '../../common/search-key';

// The duplicate pre-check a tablet runs before a second record of a household is made, offline,
// against its copy of the commune's known households (the register and the surveys it holds). It
// only warns: the server's duplicate queue stays the final word. Pure and indexed, so a check
// against 2 000 households is a few map look-ups, not a scan.

/** A household the tablet knows, as the pre-check reads it. */
export interface KnownHousehold {
  readonly id: string;
  readonly householdCode: string;
  readonly headName: string;
  readonly villageId: string;
  readonly phone?: string | undefined;
  readonly nina?: string | undefined;
}

export type MatchReason = 'nina' | 'phone' | 'name';

export interface LikelyMatch {
  readonly household: KnownHousehold;
  /** Why it is a likely match, strongest first (a NINA alone is enough). */
  readonly reasons: readonly MatchReason[];
}

/** A head's name as matched: case, accents, national letters, spaces and apostrophes folded. */
export function foldedName(name: string): string {
  return searchKey(name).replace(/\s/g, '');
}

const ninaKey = (nina: string | undefined) => {
  if (nina === undefined) return undefined;
  const n = normalizeNina(nina);
  return n.ok ? n.value : undefined;
};
const phoneKey = (phone: string | undefined) => {
  if (phone === undefined) return undefined;
  const p = normalizeMaliPhone(phone);
  return p.ok ? p.value : undefined;
};

export interface KnownHouseholdIndex {
  readonly byNina: ReadonlyMap<string, readonly KnownHousehold[]>;
  readonly byPhone: ReadonlyMap<string, readonly KnownHousehold[]>;
  readonly byName: ReadonlyMap<string, readonly KnownHousehold[]>;
}

function push(map: Map<string, KnownHousehold[]>, key: string | undefined, h: KnownHousehold) {
  if (key === undefined || key === '') return;
  const list = map.get(key);
  if (list) list.push(h);
  else map.set(key, [h]);
}

/** Indexes the known households once (when the tablet's copy changes). */
export function indexKnownHouseholds(known: readonly KnownHousehold[]): KnownHouseholdIndex {
  const byNina = new Map<string, KnownHousehold[]>();
  const byPhone = new Map<string, KnownHousehold[]>();
  const byName = new Map<string, KnownHousehold[]>();
  for (const h of known) {
    push(byNina, ninaKey(h.nina), h);
    push(byPhone, phoneKey(h.phone), h);
    push(byName, foldedName(h.headName), h);
  }
  return { byNina, byPhone, byName };
}

/**
 * The known households a new candidate likely is, best first: same NINA; same head name and same
 * phone; same head name in the same village. A phone alone (often shared by a family or a
 * neighbour) or a name in another village is not a match.
 */
export function likelyDuplicates(
  index: KnownHouseholdIndex,
  candidate: Omit<KnownHousehold, 'id' | 'householdCode'> & { id?: string },
): LikelyMatch[] {
  const found = new Map<string, { household: KnownHousehold; reasons: Set<MatchReason> }>();
  const add = (h: KnownHousehold, reason: MatchReason) => {
    if (h.id === candidate.id) return;
    const entry = found.get(h.id) ?? { household: h, reasons: new Set<MatchReason>() };
    entry.reasons.add(reason);
    found.set(h.id, entry);
  };
  const nina = ninaKey(candidate.nina);
  if (nina) for (const h of index.byNina.get(nina) ?? []) add(h, 'nina');
  const name = foldedName(candidate.headName);
  const sameName = name === '' ? [] : (index.byName.get(name) ?? []);
  const phone = phoneKey(candidate.phone);
  for (const h of sameName) {
    if (phone !== undefined && phoneKey(h.phone) === phone) {
      add(h, 'phone');
      add(h, 'name');
    } else if (h.villageId === candidate.villageId) add(h, 'name');
  }
  const order: readonly MatchReason[] = ['nina', 'phone', 'name'];
  const strength = (m: { reasons: Set<MatchReason> }) =>
    m.reasons.has('nina') ? 0 : m.reasons.has('phone') ? 1 : 2;
  return [...found.values()]
    .sort(
      (a, b) =>
        strength(a) - strength(b) ||
        (a.household.householdCode < b.household.householdCode ? -1 : 1),
    )
    .map((m) => ({ household: m.household, reasons: order.filter((r) => m.reasons.has(r)) }));
}
