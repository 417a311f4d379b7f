import { randomUUID } from 'node:crypto';
import { generateHouseholds } from '@jigi/testkit';

/** The demo villages of the enumerator `enq.koro` (apps/server seed-demo.ts). */
export const KORO_VILLAGES = ['village-koro-demo-1', 'village-koro-demo-2'] as const;

type Household = Record<string, unknown> & { id: string; members: Record<string, unknown>[] };

/**
 * `count` realistic ciblage households of `@jigi/testkit` (0–10 members, ~2.7 KB of JSON), moved to
 * the demo enumerator's villages and authored by them, so the server accepts them for that user
 * and a new tablet of that user pulls them back as its own records.
 */
export function koroHouseholds(options: {
  seed: number;
  count: number;
  agentId: string;
  deviceId: string;
}): Household[] {
  return generateHouseholds({ seed: options.seed, count: options.count }).map((h, i) => ({
    ...(h as unknown as Household),
    villageId: KORO_VILLAGES[i % KORO_VILLAGES.length] ?? KORO_VILLAGES[0],
    agentId: options.agentId,
    deviceId: options.deviceId,
  }));
}

/**
 * One household with a roster of `size` members, for the typing benchmark: the head's own family
 * from a generated household, then members of other generated households joined as « autre
 * parent » (no mother link, fresh ids), numbered on.
 */
export function largeRosterHousehold(options: {
  seed: number;
  size: number;
  agentId: string;
  deviceId: string;
  householdCode: string;
}): Household {
  const pool = koroHouseholds({
    seed: options.seed,
    count: options.size,
    agentId: options.agentId,
    deviceId: options.deviceId,
  });
  const base = pool.find((h) => h.members.length >= 5);
  if (!base) throw new Error('no generated household with a family to start the roster from');
  const members = [...base.members];
  for (const other of pool) {
    if (other === base) continue;
    for (const m of other.members) {
      if (members.length >= options.size) break;
      if (m['relationToHead'] === 'chef' || m['relationToHead'] === 'conjoint') continue;
      const { motherMemberId: _mother, ...rest } = m;
      members.push({
        ...rest,
        id: randomUUID(),
        memberNo: members.length + 1,
        relationToHead: 'autre_parent',
      });
    }
  }
  if (members.length < options.size)
    throw new Error(
      `only ${String(members.length)} members found for a roster of ${String(options.size)}`,
    );
  return { ...base, id: randomUUID(), householdCode: options.householdCode, members };
}
