import {
  adminDeviceSchema,
  adminUserSchema,
  auditPageSchema,
  devicesPageSchema,
  householdsPageSchema,
  importPreviewSchema,
  importResultSchema,
  microprojectsResponseSchema,
  quarantinePageSchema,
  settingsResponseSchema,
  usersPageSchema,
  villagesPageSchema,
  type AuditQuery,
  type DevicesQuery,
  type HouseholdsQuery,
  type NewUser,
  type QuarantineQuery,
  type ReferenceImportKind,
  type UserPatch,
  type UsersQuery,
  type VillagesQuery,
} from '@jigi/contract';
import {
  beneficiaryHouseholdSchema,
  himoMicroprojectSchema,
  villageSchema,
  type BeneficiaryHousehold,
  type HimoMicroproject,
  type ProgramSettings,
  type Village,
} from '@jigi/domain';
import { apiGet, apiPost, seg, withQuery, type Query } from '../../api/client';
import { requestJson } from '../../api/http';

// One typed function per administration endpoint (`/api/admin/*`); every answer is parsed with the
// contract's schema, the same the server validates and documents with.

const q = (query: object): Query => query as Query;

export const listUsers = (query: UsersQuery, signal?: AbortSignal) =>
  apiGet('/api/admin/users', q(query), usersPageSchema, signal);
export const createUser = (user: NewUser) => apiPost('/api/admin/users', user, adminUserSchema);
export const updateUser = (id: string, patch: UserPatch) =>
  requestJson(`/api/admin/users/${seg(id)}`, { method: 'PATCH', body: patch }, adminUserSchema);

export const listDevices = (query: DevicesQuery, signal?: AbortSignal) =>
  apiGet('/api/admin/devices', q(query), devicesPageSchema, signal);
export const revokeDevice = (id: string) =>
  apiPost(`/api/admin/devices/${seg(id)}/revoke`, undefined, adminDeviceSchema);

export const listVillages = (query: VillagesQuery, signal?: AbortSignal) =>
  apiGet('/api/admin/villages', q(query), villagesPageSchema, signal);
export const saveVillage = (village: Village) =>
  requestJson(
    `/api/admin/villages/${seg(village.id)}`,
    { method: 'PUT', body: village },
    villageSchema,
  );

export const listHouseholds = (query: HouseholdsQuery, signal?: AbortSignal) =>
  apiGet('/api/admin/households', q(query), householdsPageSchema, signal);
export const saveHousehold = (household: BeneficiaryHousehold) =>
  requestJson(
    `/api/admin/households/${seg(household.id)}`,
    { method: 'PUT', body: household },
    beneficiaryHouseholdSchema,
  );

/** The file's bytes as they are (CSV or XLSX): the server reads both. */
export const previewImport = (kind: ReferenceImportKind, file: Blob) =>
  requestJson(
    `/api/admin/${kind}/import/preview`,
    { method: 'POST', bytes: file },
    importPreviewSchema,
  );
export const confirmImport = (kind: ReferenceImportKind, file: Blob, token: string) =>
  requestJson(
    withQuery(`/api/admin/${kind}/import`, { token }),
    { method: 'POST', bytes: file },
    importResultSchema,
  );

export const listMicroprojects = (signal?: AbortSignal) =>
  apiGet('/api/admin/microprojects', {}, microprojectsResponseSchema, signal);
export const saveMicroproject = (project: HimoMicroproject) =>
  requestJson(
    `/api/admin/microprojects/${seg(project.projectId)}`,
    { method: 'PUT', body: project },
    himoMicroprojectSchema,
  );

export const getSettings = (signal?: AbortSignal) =>
  apiGet('/api/admin/settings', {}, settingsResponseSchema, signal);
export const saveSettings = (settings: ProgramSettings) =>
  requestJson('/api/admin/settings', { method: 'PUT', body: settings }, settingsResponseSchema);

export const listAudit = (query: AuditQuery, signal?: AbortSignal) =>
  apiGet('/api/admin/audit', q(query), auditPageSchema, signal);
export const listQuarantine = (query: QuarantineQuery, signal?: AbortSignal) =>
  apiGet('/api/admin/quarantine', q(query), quarantinePageSchema, signal);
