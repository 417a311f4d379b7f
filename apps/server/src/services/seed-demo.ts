import {
  defaultProgramSettings,
  type BeneficiaryHousehold,
  type HimoMicroproject,
  type Village,
} from '@jigi/domain';
import type { UserRole } from '@jigi/sync';
import type { Deps } from './deps';
import { hashPassword } from './passwords';
import { saveHousehold, saveMicroproject, saveSettings, saveVillage } from './reference';

/** The password of every demo account (README « Demo logins »). */
export const DEMO_PASSWORD = 'demo1234';

export const demoVillages: readonly Village[] = [
  {
    id: 'village-koro-demo-1',
    name: 'Dioungani (démo)',
    communeCode: 'mopti.koro.dioungani',
    demo: true,
    pnp: true,
    quota: 40,
  },
  {
    id: 'village-koro-demo-2',
    name: 'Madougou (démo)',
    communeCode: 'mopti.koro.madougou',
    demo: true,
    pnp: false,
    quota: 35,
  },
  {
    id: 'village-bankass-demo-1',
    name: 'Ségué (démo)',
    communeCode: 'mopti.bankass.segue',
    demo: true,
    pnp: true,
    quota: 30,
  },
  {
    id: 'village-bankass-demo-2',
    name: 'Sokoura (démo)',
    communeCode: 'mopti.bankass.sokoura',
    demo: true,
    pnp: true,
    quota: 30,
  },
  {
    id: 'village-gao-demo-1',
    name: 'Gabero (démo)',
    communeCode: 'gao.gao.gabero',
    demo: true,
    pnp: false,
    quota: 25,
  },
];
const koroVillages = ['village-koro-demo-1', 'village-koro-demo-2'];
const bankassVillages = ['village-bankass-demo-1', 'village-bankass-demo-2'];

export const demoUsers: readonly {
  id: string;
  login: string;
  name: string;
  role: UserRole;
  zones: string[];
}[] = [
  { id: 'user-admin', login: 'admin', name: 'Administrateur (démo)', role: 'admin', zones: [] },
  {
    id: 'user-sup-koro',
    login: 'sup.koro',
    name: 'Superviseur Koro (démo)',
    role: 'supervisor',
    zones: ['mopti.koro'],
  },
  {
    id: 'user-sup-gao',
    login: 'sup.gao',
    name: 'Superviseur Gao (démo)',
    role: 'supervisor',
    zones: ['gao.gao'],
  },
  {
    id: 'user-enq-koro',
    login: 'enq.koro',
    name: 'Enquêteur Koro (démo)',
    role: 'enumerator',
    zones: koroVillages,
  },
  {
    id: 'user-anim-koro',
    login: 'anim.koro',
    name: 'Animatrice Koro (démo)',
    role: 'facilitator',
    zones: koroVillages,
  },
  {
    id: 'user-agent-bankass',
    login: 'agent.bankass',
    name: 'Agent PNP/HIMO Bankass (démo)',
    role: 'field_agent',
    zones: bankassVillages,
  },
];

export const DEMO_MICROPROJECT_ID = '00000000-0000-4000-9000-000000000001';

const men = [
  'Amadou',
  'Boubacar',
  'Oumar',
  'Sɛku',
  'Moussa',
  "N'Golo",
  'Hamidou',
  'Yacouba',
  'Issa',
  'Ali-Badara',
];
const women = [
  'Fatoumata',
  'Aminata',
  'Ɲɛlɛ',
  'Hawa',
  'Aïssata',
  'Mariam',
  'Kadiatou',
  'Rokia',
  'Djénéba',
  'Oumou',
];
const families = [
  'Guindo',
  'Togo',
  'Dolo',
  'Ongoïba',
  'Kassogué',
  'Tembely',
  'Saye',
  'Maïga',
  'Touré',
  'Cissé',
];

/** Ten households per demo village, deterministic ids so the seed is idempotent. */
export function demoHouseholds(): BeneficiaryHousehold[] {
  return demoVillages.flatMap((village, v) =>
    Array.from({ length: 10 }, (_, i): BeneficiaryHousehold => {
      const family = families[(i + v) % families.length] ?? 'Guindo';
      const head = `${men[i % men.length] ?? 'Amadou'} ${family}`;
      const wife = `${women[(i + 3 * v) % women.length] ?? 'Hawa'} ${families[(i + v + 4) % families.length] ?? 'Dolo'}`;
      const prefix = village.communeCode
        .split('.')
        .slice(1)
        .map((s) => s.slice(0, 3).toUpperCase())
        .join('-');
      return {
        id: `00000000-0000-4000-8${String(v + 1).padStart(3, '0')}-${String(i + 1).padStart(12, '0')}`,
        villageId: village.id,
        householdCode: `${prefix}-${String(v + 1).padStart(3, '0')}-DM-${String(i + 1).padStart(4, '0')}`,
        headName: head,
        titulaireName: wife,
        members: [
          { memberNo: 1, name: head, sex: 'M', ageYears: 30 + ((i * 7) % 30) },
          { memberNo: 2, name: wife, sex: 'F', ageYears: 25 + ((i * 5) % 20) },
        ],
      };
    }),
  );
}

export const demoMicroproject: HimoMicroproject = {
  projectId: DEMO_MICROPROJECT_ID,
  name: 'Cordons pierreux de Ségué (démo)',
  type: 'cordons_pierreux',
  communeCode: 'mopti.bankass.segue',
  villageIds: bankassVillages,
  startDate: '2026-01-05',
  endDate: '2026-12-20',
  plannedDays: 60,
  plannedWorkers: 40,
  dailyWageFcfa: 2000,
  ngo: 'ONG Yam Giribolo',
  chefChantier: 'Ousmane Tembély',
};

/**
 * Creates whatever of the demo is missing; running it again changes nothing (existing accounts keep
 * their password, existing reference data keeps its version). Returns what it created.
 */
export async function seedDemo(
  deps: Deps,
): Promise<{ usersCreated: string[]; referenceCreated: number }> {
  const existing = await deps.store.read(async (tx) => {
    const logins = new Set<string>();
    for (const u of demoUsers)
      if ((await tx.accounts.userByLogin(u.login)) !== undefined) logins.add(u.login);
    return logins;
  });
  const missing = demoUsers.filter((u) => !existing.has(u.login));
  const hashes = await Promise.all(missing.map(() => hashPassword(DEMO_PASSWORD)));
  const referenceCreated = await deps.store.write(async (tx) => {
    let created = 0;
    for (const village of demoVillages)
      if ((await tx.reference.villageById(village.id)) === undefined) {
        await saveVillage(tx, deps, village, null);
        created++;
      }
    for (const [i, u] of missing.entries()) {
      // Another seeder may have created it since the read above (two processes starting at once).
      if ((await tx.accounts.userByLogin(u.login)) !== undefined) continue;
      await tx.accounts.insertUser({
        ...u,
        active: true,
        passwordHash: hashes[i] ?? '',
        createdAt: deps.now().toISOString(),
      });
    }
    for (const h of demoHouseholds())
      if ((await tx.reference.householdById(h.id)) === undefined) {
        await saveHousehold(tx, deps, h, null);
        created++;
      }
    if ((await tx.reference.microprojectById(demoMicroproject.projectId)) === undefined) {
      await saveMicroproject(tx, deps, demoMicroproject, null);
      created++;
    }
    if ((await tx.reference.settings()) === undefined) {
      await saveSettings(tx, deps, defaultProgramSettings, null);
      created++;
    }
    return created;
  });
  return { usersCreated: missing.map((u) => u.login), referenceCreated };
}
