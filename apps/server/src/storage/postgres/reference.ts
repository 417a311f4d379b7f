import type { JsonObject } from '@jigi/sync';
import type { HouseholdRow, MicroprojectRow, ReferenceRow, VillageRow } from '../rows';
import type { ReferencePort } from '../store';
import { readJson, type Query } from './query';

type RefDb = { id: string; data: string; version: number; updated_at: string };
type VillageDb = RefDb & { name: string; commune_code: string };
type HouseholdDb = RefDb & { village_id: string };
type MicroprojectDb = RefDb & { village_ids: string[] | null };

const ref = (r: RefDb): ReferenceRow => ({
  id: r.id,
  data: readJson<JsonObject>(r.data),
  version: r.version,
  updatedAt: r.updated_at,
});
const village = (r: VillageDb): VillageRow => ({
  ...ref(r),
  name: r.name,
  communeCode: r.commune_code,
});
const household = (r: HouseholdDb): HouseholdRow => ({ ...ref(r), villageId: r.village_id });
const microproject = (r: MicroprojectDb): MicroprojectRow => ({
  ...ref(r),
  villageIds: r.village_ids ?? [],
});
const microprojectSelect = `SELECT m.*, (SELECT array_agg(mv.village_id ORDER BY mv.village_id COLLATE "C")
  FROM microproject_villages mv WHERE mv.microproject_id = m.id) AS village_ids FROM microprojects m`;

export function referencePort(q: Query): ReferencePort {
  return {
    async upsertVillage(v) {
      await q(
        `INSERT INTO villages (id, name, commune_code, data, version, updated_at) VALUES ($1, $2, $3, $4, $5, $6)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, commune_code = excluded.commune_code, data = excluded.data,
        version = excluded.version, updated_at = excluded.updated_at`,
        [v.id, v.name, v.communeCode, JSON.stringify(v.data), v.version, v.updatedAt],
      );
    },
    async villageById(id) {
      const [r] = await q<VillageDb>('SELECT * FROM villages WHERE id = $1', [id]);
      return r === undefined ? undefined : village(r);
    },
    async listVillages() {
      return (
        await q<VillageDb>(
          'SELECT * FROM villages ORDER BY commune_code COLLATE "C", name COLLATE "C"',
        )
      ).map(village);
    },
    async upsertHousehold(h) {
      await q(
        `INSERT INTO beneficiary_households (id, village_id, data, version, updated_at) VALUES ($1, $2, $3, $4, $5)
        ON CONFLICT (id) DO UPDATE SET village_id = excluded.village_id, data = excluded.data, version = excluded.version,
        updated_at = excluded.updated_at`,
        [h.id, h.villageId, JSON.stringify(h.data), h.version, h.updatedAt],
      );
    },
    async householdById(id) {
      const [r] = await q<HouseholdDb>('SELECT * FROM beneficiary_households WHERE id = $1', [id]);
      return r === undefined ? undefined : household(r);
    },
    async listHouseholds(villageIds) {
      return (
        await q<HouseholdDb>(
          'SELECT * FROM beneficiary_households WHERE village_id = ANY($1) ORDER BY village_id COLLATE "C", id COLLATE "C"',
          [[...villageIds]],
        )
      ).map(household);
    },
    async upsertMicroproject(m) {
      await q(
        `INSERT INTO microprojects (id, data, version, updated_at) VALUES ($1, $2, $3, $4)
        ON CONFLICT (id) DO UPDATE SET data = excluded.data, version = excluded.version, updated_at = excluded.updated_at`,
        [m.id, JSON.stringify(m.data), m.version, m.updatedAt],
      );
      await q('DELETE FROM microproject_villages WHERE microproject_id = $1', [m.id]);
      await q(
        'INSERT INTO microproject_villages (microproject_id, village_id) SELECT $1, v FROM unnest($2::text[]) v',
        [m.id, [...m.villageIds]],
      );
    },
    async microprojectById(id) {
      const [r] = await q<MicroprojectDb>(`${microprojectSelect} WHERE m.id = $1`, [id]);
      return r === undefined ? undefined : microproject(r);
    },
    async listMicroprojects() {
      return (await q<MicroprojectDb>(`${microprojectSelect} ORDER BY m.id COLLATE "C"`)).map(
        microproject,
      );
    },
    async settings() {
      const [r] = await q<RefDb>(
        "SELECT 'settings' AS id, data, version, updated_at FROM settings WHERE id = 1",
      );
      return r === undefined ? undefined : ref(r);
    },
    async saveSettings(s) {
      await q(
        `INSERT INTO settings (id, data, version, updated_at) VALUES (1, $1, $2, $3)
        ON CONFLICT (id) DO UPDATE SET data = excluded.data, version = excluded.version, updated_at = excluded.updated_at`,
        [JSON.stringify(s.data), s.version, s.updatedAt],
      );
    },
  };
}
