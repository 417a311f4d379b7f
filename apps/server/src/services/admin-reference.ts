import {
  defaultProgramSettings,
  searchKey,
  type BeneficiaryHousehold,
  type HimoMicroproject,
  type ProgramSettings,
  type Village,
} from '@jigi/domain';
import type {
  AdminHousehold,
  AdminMicroproject,
  AdminVillage,
  HouseholdsQuery,
  SettingsResponse,
  VillagesQuery,
} from '@jigi/contract';
import { AppError } from '../errors/app-error';
import type { Tx } from '../storage/store';
import type { Deps } from './deps';
import {
  currentSettings,
  saveHousehold,
  saveMicroproject,
  saveSettings,
  saveVillage,
} from './reference';
import { villageInZones } from './scope';
import { areaPath } from './zone-labels';

// Reference data as the back office lists and edits it: villages, beneficiary households, HIMO
// microprojects and the programme settings with who changed what.

type Paged = { offset: number; limit: number };
const matches = (q: string | undefined, ...texts: string[]) =>
  q === undefined || q === '' || texts.some((t) => searchKey(t).includes(searchKey(q)));

export function listVillages(deps: Deps, query: VillagesQuery & Paged) {
  return deps.store.read(async (tx) => {
    const all = await tx.reference.listVillages();
    const households = await tx.reference.listHouseholds(all.map((v) => v.id));
    const counts = new Map<string, number>();
    for (const h of households) counts.set(h.villageId, (counts.get(h.villageId) ?? 0) + 1);
    const rows: AdminVillage[] = all
      .filter(
        (v) => query.zone === undefined || query.zone === '' || villageInZones(v, [query.zone]),
      )
      .filter((v) => matches(query.q, v.name, v.id))
      .map((v) => ({
        ...(v.data as Village),
        version: v.version,
        communeName: areaPath(v.communeCode),
        households: counts.get(v.id) ?? 0,
      }))
      .sort((a, b) => a.name.localeCompare(b.name, 'fr'));
    return { rows: rows.slice(query.offset, query.offset + query.limit), total: rows.length };
  });
}

export function putVillage(deps: Deps, actorId: string, village: Village) {
  return deps.store.write(async (tx) => {
    await saveVillage(tx, deps, village, actorId);
    return (await tx.reference.villageById(village.id))?.data;
  });
}

export function listHouseholds(deps: Deps, query: HouseholdsQuery & Paged) {
  return deps.store.read(async (tx) => {
    const villages = new Map((await tx.reference.listVillages()).map((v) => [v.id, v]));
    const ids =
      query.villageId === undefined || query.villageId === ''
        ? [...villages.keys()]
        : [query.villageId];
    const rows: AdminHousehold[] = (await tx.reference.listHouseholds(ids))
      .map((h) => ({
        ...(h.data as Omit<AdminHousehold, 'version' | 'villageName'>),
        version: h.version,
        villageName: villages.get(h.villageId)?.name ?? h.villageId,
      }))
      .filter((h) => matches(query.q, h.householdCode, h.headName, h.titulaireName ?? ''))
      .sort((a, b) => a.householdCode.localeCompare(b.householdCode, 'fr'));
    return { rows: rows.slice(query.offset, query.offset + query.limit), total: rows.length };
  });
}

export function putHousehold(deps: Deps, actorId: string, household: BeneficiaryHousehold) {
  return deps.store.write(async (tx) => {
    if ((await tx.reference.villageById(household.villageId)) === undefined)
      throw new AppError('invalid_body', {
        message: `Champ « villageId » : village inconnu « ${household.villageId} ».`,
        details: { field: 'villageId', rule: 'known_village' },
      });
    await saveHousehold(tx, deps, household, actorId);
    return (await tx.reference.householdById(household.id))?.data;
  });
}

export function listMicroprojects(deps: Deps): Promise<{ microprojects: AdminMicroproject[] }> {
  return deps.store.read(async (tx) => ({
    microprojects: (await tx.reference.listMicroprojects()).map((m) => ({
      ...(m.data as HimoMicroproject),
      version: m.version,
    })),
  }));
}

export function putMicroproject(deps: Deps, actorId: string, project: HimoMicroproject) {
  return deps.store.write(async (tx) => {
    const unknown: string[] = [];
    for (const v of project.villageIds)
      if ((await tx.reference.villageById(v)) === undefined) unknown.push(v);
    if (unknown.length > 0)
      throw new AppError('invalid_body', {
        message: `Champ « villageIds » : village(s) inconnu(s) ${unknown.join(', ')}.`,
        details: { field: 'villageIds', rule: 'known_village' },
      });
    if (project.endDate < project.startDate)
      throw new AppError('invalid_body', {
        message: 'Champ « endDate » : la fin ne peut précéder le début.',
        details: { field: 'endDate', rule: 'after_start' },
      });
    await saveMicroproject(tx, deps, project, actorId);
    return (await tx.reference.microprojectById(project.projectId))?.data;
  });
}

async function settingsResponse(tx: Tx): Promise<SettingsResponse> {
  const row = await tx.reference.settings();
  const users = new Map((await tx.accounts.listUsers()).map((u) => [u.id, u.name]));
  const { rows } = await tx.audit.search({
    entity: 'settings',
    action: 'settings.update',
    limit: 50,
    offset: 0,
  });
  return {
    settings: (await currentSettings(tx)) ?? defaultProgramSettings,
    version: row?.version ?? 0,
    updatedAt: row?.updatedAt ?? null,
    history: rows.map((e) => {
      const details = e.details as {
        changes?: SettingsResponse['history'][number]['changes'];
      } | null;
      return {
        at: e.at,
        userName: e.userId === null ? 'Système' : (users.get(e.userId) ?? e.userId),
        changes: details?.changes ?? [],
      };
    }),
  };
}

export function programSettings(deps: Deps): Promise<SettingsResponse> {
  return deps.store.read(settingsResponse);
}

export function putProgramSettings(deps: Deps, actorId: string, settings: ProgramSettings) {
  if (settings.campaign !== undefined && settings.campaign.end < settings.campaign.start)
    throw new AppError('invalid_body', {
      message: 'Champ « campaign.end » : la fin de campagne ne peut précéder son début.',
      details: { field: 'campaign.end', rule: 'after_start' },
    });
  return deps.store.write(async (tx) => {
    await saveSettings(tx, deps, settings, actorId);
    return settingsResponse(tx);
  });
}
