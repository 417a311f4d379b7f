import {
  assetKeys,
  CIBLAGE_HOUSEHOLD_VERSION,
  type CiblageHousehold,
  ciblageHouseholdSchema,
} from '@jigi/domain';
import { createPrng, type Prng } from '../prng';
import { generateRoster } from './roster';
import { generatedVillages, type GeneratedVillage } from './villages';

/** Options of {@link generateHouseholds}. */
export interface GenerateHouseholdsOptions {
  seed: number;
  count: number;
  /**
   * Last possible interview day (YYYY-MM-DD); interviews fall in the 70 days before it. Defaults
   * to 2026-03-15, the `SAMPLE_TODAY` of `@jigi/domain/testing`, so records validate with
   * `sampleRuleContext()`.
   */
  today?: string;
  /**
   * The tablet and user every household is written by. The server takes a write's author from the
   * token (`agentId`/`deviceId` of a body are overwritten), so records pushed with one tablet's token
   * must carry it to come back as sent. Without it, each village's enumerator and tablet are made up.
   */
  author?: { agentId: string; deviceId: string };
}

const DAY_MS = 86_400_000;
// Roughly what a targeting census meets: most doors open, some households away or refusing.
const NOT_COMPLETE = ['absent', 'refus', 'logement_vide', 'menage_introuvable'] as const;

/** The record type `generateHouseholds` makes (what a bench or a test reads back by type). */
export const generatedRecordType = ciblageHouseholdSchema.shape.type.value;

/**
 * Seeded, realistic ciblage household records: villages of Mopti and Ségou, Malian names with
 * ɛ ɔ ɲ ŋ, 1–10 members for completed interviews (0 for the ~8 % absent, refused or empty
 * dwellings), every section a completed interview requires. Every record passes
 * `validateRecord(record, sampleRuleContext())` with no issue at all. The same seed gives the same
 * records, ids included; record `i` does not depend on `count`.
 *
 * Sizes, as JSON: about 0.35 KB for an interview that did not happen, 1.3–4.5 KB for a completed
 * one (the sections a completed interview requires weigh ~1 KB, the 22 asset counts alone 0.3 KB,
 * each member ~0.25 KB); median ~2.8 KB. Issue 8 guessed 300 B–1 KB before the schema existed: a
 * record that valid is not possible, and benchmarks on invalid records would measure rejections.
 */
export function generateHouseholds(options: GenerateHouseholdsOptions): CiblageHousehold[] {
  const r = createPrng(options.seed);
  const lastDay = Date.parse(`${options.today ?? '2026-03-15'}T00:00:00Z`);
  const sequence = new Map<string, number>();
  const out: CiblageHousehold[] = [];
  for (let i = 0; i < options.count; i++) {
    const village = r.pick(generatedVillages);
    const n = (sequence.get(village.id) ?? 0) + 1;
    sequence.set(village.id, n);
    const interviewDate = new Date(lastDay - r.int(1, 70) * DAY_MS).toISOString().slice(0, 10);
    const h = household(r, village, n, interviewDate);
    out.push(options.author ? { ...h, ...options.author } : h);
  }
  return out;
}

function household(
  r: Prng,
  village: GeneratedVillage,
  n: number,
  interviewDate: string,
): CiblageHousehold {
  const enumerator = village.id.replace(/^village-/, '');
  const minutes = r.int(7 * 60, 18 * 60);
  const capturedAt = `${interviewDate}T${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:${String(r.int(0, 59)).padStart(2, '0')}.000Z`;
  const base = {
    id: r.uuid(),
    type: ciblageHouseholdSchema.shape.type.value,
    schemaVersion: CIBLAGE_HOUSEHOLD_VERSION as typeof CIBLAGE_HOUSEHOLD_VERSION,
    villageId: village.id,
    agentId: `user-enq-${enumerator}`,
    deviceId: `device-tab-${enumerator}`,
    capturedAt,
    interviewDate,
    householdCode: `${village.codePrefix}-${String(Math.ceil(n / 50)).padStart(3, '0')}-${String(n).padStart(4, '0')}`,
  };
  if (r.chance(0.08)) {
    // A failed visit is its outcome alone (no consent asked).
    return { ...base, result: r.pick(NOT_COMPLETE), members: [] };
  }
  const { head, members } = generateRoster(
    r,
    r.pick([1, 2, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10]),
    interviewDate,
  );
  const record: CiblageHousehold = {
    ...base,
    respondentMemberId: head.id,
    residenceStatus: r.pick([
      'resident',
      'resident',
      'resident',
      'resident',
      'pdi',
      'retourne',
    ] as const),
    consent: { given: true, at: capturedAt },
    result: 'complete',
    members,
    dwelling: {
      occupancy: r.pick([
        'proprietaire',
        'proprietaire',
        'locataire',
        'loge_gratuitement',
      ] as const),
      roomsCount: r.int(1, 6),
      wall: r.pick(['banco', 'banco', 'banco_ameliore', 'pierre', 'seko'] as const),
      roof: r.pick(['terre', 'terre', 'paille', 'tole'] as const),
      floor: r.pick(['terre', 'terre', 'ciment', 'bouse'] as const),
      water: r.pick([
        'forage',
        'forage',
        'puits_protege',
        'puits_non_protege',
        'eau_surface',
      ] as const),
      waterTimeMinutes: r.int(0, 90),
      toilet: r.pick([
        'latrine_sans_dalle',
        'latrine_dalle',
        'nature',
        'latrine_partagee',
      ] as const),
      lighting: r.pick(['torche', 'torche', 'solaire', 'petrole', 'aucune'] as const),
      cookingFuel: r.pick([
        'bois_ramasse',
        'bois_ramasse',
        'bois_achete',
        'charbon',
        'residus',
      ] as const),
    },
    assets: Object.fromEntries(
      assetKeys.map((k) => [k, r.chance(0.3) ? r.int(1, 3) : 0]),
    ) as CiblageHousehold['assets'] & object,
    livestock: {
      cattle: r.int(0, 12),
      sheep: r.int(0, 15),
      goats: r.int(0, 20),
      camels: 0,
      donkeys: r.int(0, 2),
      horses: r.int(0, 1),
      poultry: r.int(0, 30),
    },
    land: r.chance(0.85)
      ? {
          cultivates: true,
          areaHa: r.int(3, 80) / 10,
          tenure: r.pick(['coutumier', 'coutumier', 'emprunt', 'metayage'] as const),
          irrigated: r.chance(0.1),
        }
      : { cultivates: false },
    foodSecurity: {
      mealsAdults: r.int(1, 3),
      mealsChildren: r.int(1, 4),
      hungerGapMonths: r.int(0, 6),
      shocks12m: r.chance(0.6)
        ? [r.pick(['secheresse', 'inondation', 'insecurite', 'perte_betail', 'maladie'] as const)]
        : [],
    },
    otherPrograms: r.chance(0.2) ? [r.pick(['pam', 'csa', 'ong'] as const)] : [],
  };
  if (r.chance(0.7))
    record.headPhone = `+223${r.pick(['6', '7', '9'])}${String(r.int(0, 9_999_999)).padStart(7, '0')}`;
  const idType = r.pick(['nina', 'nina', 'carte_electeur', 'aucune'] as const);
  record.headIdType = idType;
  if (idType === 'nina')
    record.headIdNo = `${String(r.int(0, 9_999_999)).padStart(7, '0')}${String(r.int(0, 9_999_999)).padStart(7, '0')}${String.fromCharCode(65 + r.int(0, 25))}`;
  if (idType === 'carte_electeur') record.headIdNo = `CE${r.int(100_000, 999_999)}`;
  if (r.chance(0.9)) {
    record.gps = {
      lat: round(village.lat + (r.next() - 0.5) * 0.02, 5),
      lon: round(village.lon + (r.next() - 0.5) * 0.02, 5),
      accuracyM: r.int(3, 30),
    };
  } else {
    record.gpsUnavailableReason = r.pick(['pas_de_signal', 'appareil'] as const);
  }
  return record;
}

function round(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
