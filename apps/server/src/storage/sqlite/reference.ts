import type Database from 'better-sqlite3';
import type { JsonObject } from '@jigi/sync';
import { readJson, writeJson } from './json';
import type { HouseholdRow, MicroprojectRow, ReferenceRow, VillageRow } from '../rows';
import type { ReferencePort } from '../store';
import type { Synchronous } from './synchronous';

type RefDb = { id: string; data: string; version: number; updated_at: string };

export function referenceStore(db: Database.Database): Synchronous<ReferencePort> {
  const ref = (r: RefDb): ReferenceRow => ({
    id: r.id,
    data: readJson<JsonObject>(r.data),
    version: r.version,
    updatedAt: r.updated_at,
  });
  const village = (r: RefDb & { name: string; commune_code: string }): VillageRow => ({
    ...ref(r),
    name: r.name,
    communeCode: r.commune_code,
  });
  const household = (r: RefDb & { village_id: string }): HouseholdRow => ({
    ...ref(r),
    villageId: r.village_id,
  });
  const villagesOf = db.prepare<[string], { village_id: string }>(
    'SELECT village_id FROM microproject_villages WHERE microproject_id = ? ORDER BY village_id',
  );
  const microproject = (r: RefDb): MicroprojectRow => ({
    ...ref(r),
    villageIds: villagesOf.all(r.id).map((v) => v.village_id),
  });
  return {
    upsertVillage(v) {
      db.prepare(
        `INSERT INTO villages (id, name, commune_code, data, version, updated_at) VALUES (?, ?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET name = excluded.name, commune_code = excluded.commune_code, data = excluded.data,
        version = excluded.version, updated_at = excluded.updated_at`,
      ).run(v.id, v.name, v.communeCode, writeJson(v.data), v.version, v.updatedAt);
    },
    villageById(id) {
      const r = db
        .prepare<[string], RefDb & { name: string; commune_code: string }>(
          'SELECT * FROM villages WHERE id = ?',
        )
        .get(id);
      return r === undefined ? undefined : village(r);
    },
    listVillages() {
      return db
        .prepare<[], RefDb & { name: string; commune_code: string }>(
          'SELECT * FROM villages ORDER BY commune_code, name',
        )
        .all()
        .map(village);
    },
    upsertHousehold(h) {
      db.prepare(
        `INSERT INTO beneficiary_households (id, village_id, data, version, updated_at) VALUES (?, ?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET village_id = excluded.village_id, data = excluded.data, version = excluded.version,
        updated_at = excluded.updated_at`,
      ).run(h.id, h.villageId, writeJson(h.data), h.version, h.updatedAt);
    },
    householdById(id) {
      const r = db
        .prepare<[string], RefDb & { village_id: string }>(
          'SELECT * FROM beneficiary_households WHERE id = ?',
        )
        .get(id);
      return r === undefined ? undefined : household(r);
    },
    listHouseholds(villageIds) {
      return db
        .prepare<[string], RefDb & { village_id: string }>(
          'SELECT * FROM beneficiary_households WHERE village_id IN (SELECT value FROM json_each(?)) ORDER BY village_id, id',
        )
        .all(writeJson(villageIds))
        .map(household);
    },
    upsertMicroproject(m) {
      db.prepare(
        `INSERT INTO microprojects (id, data, version, updated_at) VALUES (?, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET data = excluded.data, version = excluded.version, updated_at = excluded.updated_at`,
      ).run(m.id, writeJson(m.data), m.version, m.updatedAt);
      db.prepare('DELETE FROM microproject_villages WHERE microproject_id = ?').run(m.id);
      const link = db.prepare(
        'INSERT INTO microproject_villages (microproject_id, village_id) VALUES (?, ?)',
      );
      for (const v of m.villageIds) link.run(m.id, v);
    },
    microprojectById(id) {
      const r = db.prepare<[string], RefDb>('SELECT * FROM microprojects WHERE id = ?').get(id);
      return r === undefined ? undefined : microproject(r);
    },
    listMicroprojects() {
      return db
        .prepare<[], RefDb>('SELECT * FROM microprojects ORDER BY id')
        .all()
        .map(microproject);
    },
    settings() {
      const r = db
        .prepare<[], RefDb>(
          "SELECT 'settings' AS id, data, version, updated_at FROM settings WHERE id = 1",
        )
        .get();
      return r === undefined ? undefined : ref(r);
    },
    saveSettings(s) {
      db.prepare(
        `INSERT INTO settings (id, data, version, updated_at) VALUES (1, ?, ?, ?)
        ON CONFLICT (id) DO UPDATE SET data = excluded.data, version = excluded.version, updated_at = excluded.updated_at`,
      ).run(writeJson(s.data), s.version, s.updatedAt);
    },
  };
}
