import {
  beneficiaryHouseholdSchema,
  himoMicroprojectSchema,
  programSettingsSchema,
  villageSchema,
  type BeneficiaryHousehold,
  type HimoMicroproject,
  type ProgramSettings,
  type Village,
} from '@jigi/domain';
import type { JsonObject } from '@jigi/sync';
import type { Deps } from './deps';

// Reference data is written only here: each save bumps the entity's version and appends it to the
// change log, so devices receive it by pull. Callers validate input with the domain schemas first.

const asJson = (value: object): JsonObject => JSON.parse(JSON.stringify(value)) as JsonObject;

export function saveVillage(deps: Deps, village: Village, actorId: string | null): void {
  const v = villageSchema.parse(village);
  const { repo } = deps;
  const at = deps.now().toISOString();
  const previous = repo.villageById(v.id);
  repo.upsertVillage({
    id: v.id,
    name: v.name,
    communeCode: v.communeCode,
    data: asJson(v),
    version: (previous?.version ?? 0) + 1,
    updatedAt: at,
  });
  repo.logChange({
    entity: 'village',
    entityId: v.id,
    villageId: v.id,
    recordType: null,
    audienceUserId: null,
  });
  repo.audit({
    at,
    userId: actorId,
    action: previous === undefined ? 'village.create' : 'village.update',
    entity: 'village',
    entityId: v.id,
    details: null,
  });
}

export function saveHousehold(
  deps: Deps,
  household: BeneficiaryHousehold,
  actorId: string | null,
): void {
  const h = beneficiaryHouseholdSchema.parse(household);
  const { repo } = deps;
  const at = deps.now().toISOString();
  const previous = repo.householdById(h.id);
  repo.upsertHousehold({
    id: h.id,
    villageId: h.villageId,
    data: asJson(h),
    version: (previous?.version ?? 0) + 1,
    updatedAt: at,
  });
  repo.logChange({
    entity: 'beneficiary_household',
    entityId: h.id,
    villageId: h.villageId,
    recordType: null,
    audienceUserId: null,
  });
  repo.audit({
    at,
    userId: actorId,
    action: previous === undefined ? 'household.create' : 'household.update',
    entity: 'beneficiary_household',
    entityId: h.id,
    details: null,
  });
}

export function saveMicroproject(
  deps: Deps,
  microproject: HimoMicroproject,
  actorId: string | null,
): void {
  const m = himoMicroprojectSchema.parse(microproject);
  const { repo } = deps;
  const at = deps.now().toISOString();
  const previous = repo.microprojectById(m.projectId);
  repo.upsertMicroproject({
    id: m.projectId,
    data: asJson(m),
    villageIds: m.villageIds,
    version: (previous?.version ?? 0) + 1,
    updatedAt: at,
  });
  repo.logChange({
    entity: 'microproject',
    entityId: m.projectId,
    villageId: null,
    recordType: null,
    audienceUserId: null,
  });
  repo.audit({
    at,
    userId: actorId,
    action: previous === undefined ? 'microproject.create' : 'microproject.update',
    entity: 'microproject',
    entityId: m.projectId,
    details: null,
  });
}

export function saveSettings(deps: Deps, settings: ProgramSettings, actorId: string | null): void {
  const s = programSettingsSchema.parse(settings);
  const { repo } = deps;
  const at = deps.now().toISOString();
  const previous = repo.settings();
  repo.saveSettings({
    id: 'settings',
    data: asJson(s),
    version: (previous?.version ?? 0) + 1,
    updatedAt: at,
  });
  repo.logChange({
    entity: 'settings',
    entityId: 'settings',
    villageId: null,
    recordType: null,
    audienceUserId: null,
  });
  repo.audit({
    at,
    userId: actorId,
    action: 'settings.update',
    entity: 'settings',
    entityId: 'settings',
    details: null,
  });
}

/** The program settings in force (defaults until an admin saves some). */
export function currentSettings(deps: Deps): ProgramSettings | undefined {
  const row = deps.repo.settings();
  return row === undefined ? undefined : programSettingsSchema.parse(row.data);
}
