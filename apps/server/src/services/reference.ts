import {
  beneficiaryHouseholdSchema,
  defaultProgramSettings,
  himoMicroprojectSchema,
  programSettingsSchema,
  villageSchema,
  type BeneficiaryHousehold,
  type HimoMicroproject,
  type ProgramSettings,
  type Village,
} from '@jigi/domain';
import type { Json, JsonObject } from '@jigi/sync';
import type { Tx } from '../storage/store';
import type { Deps } from './deps';

// Reference data is written only here: each save bumps the entity's version and appends it to the
// change log, so devices receive it by pull. Callers validate input with the domain schemas first.

const asJson = (value: object): JsonObject => JSON.parse(JSON.stringify(value)) as JsonObject;

export async function saveVillage(
  tx: Tx,
  deps: Deps,
  village: Village,
  actorId: string | null,
): Promise<void> {
  const v = villageSchema.parse(village);
  const at = deps.now().toISOString();
  const previous = await tx.reference.villageById(v.id);
  await tx.reference.upsertVillage({
    id: v.id,
    name: v.name,
    communeCode: v.communeCode,
    data: asJson(v),
    version: (previous?.version ?? 0) + 1,
    updatedAt: at,
  });
  await tx.sync.logChange({
    entity: 'village',
    entityId: v.id,
    villageId: v.id,
    recordType: null,
    audienceUserId: null,
  });
  await tx.audit.append({
    at,
    userId: actorId,
    action: previous === undefined ? 'village.create' : 'village.update',
    entity: 'village',
    entityId: v.id,
    details: null,
  });
}

export async function saveHousehold(
  tx: Tx,
  deps: Deps,
  household: BeneficiaryHousehold,
  actorId: string | null,
): Promise<void> {
  const h = beneficiaryHouseholdSchema.parse(household);
  const at = deps.now().toISOString();
  const previous = await tx.reference.householdById(h.id);
  await tx.reference.upsertHousehold({
    id: h.id,
    villageId: h.villageId,
    data: asJson(h),
    version: (previous?.version ?? 0) + 1,
    updatedAt: at,
  });
  await tx.sync.logChange({
    entity: 'beneficiary_household',
    entityId: h.id,
    villageId: h.villageId,
    recordType: null,
    audienceUserId: null,
  });
  await tx.audit.append({
    at,
    userId: actorId,
    action: previous === undefined ? 'household.create' : 'household.update',
    entity: 'beneficiary_household',
    entityId: h.id,
    details: null,
  });
}

export async function saveMicroproject(
  tx: Tx,
  deps: Deps,
  microproject: HimoMicroproject,
  actorId: string | null,
): Promise<void> {
  const m = himoMicroprojectSchema.parse(microproject);
  const at = deps.now().toISOString();
  const previous = await tx.reference.microprojectById(m.projectId);
  await tx.reference.upsertMicroproject({
    id: m.projectId,
    data: asJson(m),
    villageIds: m.villageIds,
    version: (previous?.version ?? 0) + 1,
    updatedAt: at,
  });
  await tx.sync.logChange({
    entity: 'microproject',
    entityId: m.projectId,
    villageId: null,
    recordType: null,
    audienceUserId: null,
  });
  await tx.audit.append({
    at,
    userId: actorId,
    action: previous === undefined ? 'microproject.create' : 'microproject.update',
    entity: 'microproject',
    entityId: m.projectId,
    details: null,
  });
}

export async function saveSettings(
  tx: Tx,
  deps: Deps,
  settings: ProgramSettings,
  actorId: string | null,
): Promise<void> {
  const s = programSettingsSchema.parse(settings);
  const at = deps.now().toISOString();
  const previous = await tx.reference.settings();
  await tx.reference.saveSettings({
    id: 'settings',
    data: asJson(s),
    version: (previous?.version ?? 0) + 1,
    updatedAt: at,
  });
  await tx.sync.logChange({
    entity: 'settings',
    entityId: 'settings',
    villageId: null,
    recordType: null,
    audienceUserId: null,
  });
  await tx.audit.append({
    at,
    userId: actorId,
    action: 'settings.update',
    entity: 'settings',
    entityId: 'settings',
    // Who changed what: the settings page shows this history.
    details: {
      changes: settingsChanges(previous?.data ?? asJson(defaultProgramSettings), asJson(s)),
    },
  });
}

/**
 * The leaves that differ between two settings, by path (`muac.womanBelowMm`, `maThemes.3.active`);
 * a list that grew or shrank is one change of the whole list.
 */
export function settingsChanges(
  before: Json,
  after: Json,
  path = '',
): { path: string; before: Json; after: Json }[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const a = before as Record<string, Json> | null;
  const b = after as Record<string, Json> | null;
  const sameShape =
    typeof a === 'object' &&
    typeof b === 'object' &&
    a !== null &&
    b !== null &&
    Array.isArray(a) === Array.isArray(b) &&
    Object.keys(a).length === (Array.isArray(a) ? Object.keys(b).length : Object.keys(a).length);
  if (!sameShape) return [{ path: path === '' ? '(tout)' : path, before, after }];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  return keys.flatMap((k) =>
    settingsChanges(a[k] ?? null, b[k] ?? null, path === '' ? k : `${path}.${k}`),
  );
}

/** The program settings in force (defaults until an admin saves some). */
export async function currentSettings(tx: Tx): Promise<ProgramSettings | undefined> {
  const row = await tx.reference.settings();
  return row === undefined ? undefined : programSettingsSchema.parse(row.data);
}
