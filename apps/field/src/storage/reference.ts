import type {
  BeneficiaryHousehold,
  HimoMicroproject,
  ProgramSettings,
  Village,
} from '@jigi/domain';
import { db } from './db';

// Reference data pulled from the server (never edited on the tablet).

export function allVillages(): Promise<Village[]> {
  return db()
    .villages.orderBy('id')
    .toArray()
    .then((rows) => rows.sort((a, b) => a.name.localeCompare(b.name, 'fr')));
}

export function householdsOfVillage(villageId: string): Promise<BeneficiaryHousehold[]> {
  return db()
    .beneficiaryHouseholds.where('villageId')
    .equals(villageId)
    .toArray()
    .then((rows) => rows.sort((a, b) => a.householdCode.localeCompare(b.householdCode, 'fr')));
}

export function householdsOfVillages(
  villageIds: readonly string[],
): Promise<BeneficiaryHousehold[]> {
  return db()
    .beneficiaryHouseholds.where('villageId')
    .anyOf([...villageIds])
    .toArray();
}

export function allMicroprojects(): Promise<HimoMicroproject[]> {
  return db()
    .microprojects.toArray()
    .then((rows) => rows.sort((a, b) => a.name.localeCompare(b.name, 'fr')));
}

export function getMicroproject(projectId: string): Promise<HimoMicroproject | undefined> {
  return db().microprojects.get(projectId);
}

/** The program settings pulled from the server, if any pull has happened yet. */
export async function programSettings(): Promise<ProgramSettings | undefined> {
  const row = await db().settings.get('program');
  if (!row) return undefined;
  const { id: _id, ...settings } = row;
  return settings;
}
