import { describe, expect, it } from 'vitest';
import { ciblageHouseholdSchema } from '../modules/ciblage/ciblage-household';
import { currentSchemaVersions } from '../records/field-record';
import { buildCiblageHousehold, buildMaSession } from '../testing/sample-records';
import { migrateRecord } from './migrate';

// A ciblage_household exactly as app version 1 wrote it.
function v1Household(): Record<string, unknown> {
  const { gps: _gps, consent: _consent, ...rest } = buildCiblageHousehold();
  return {
    ...rest,
    schemaVersion: 1,
    consent: true,
    consentAt: '2026-03-14T08:05:00.000Z',
    gps: { latitude: 14.07, longitude: -3.08, accuracy: 8 },
  };
}

describe('migrateRecord', () => {
  it('ciblage_household v1 → v2 → v3: GPS keys renamed, consent folded into one object', () => {
    const r = migrateRecord(v1Household());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.record.schemaVersion).toBe(3);
    expect(r.record.gps).toEqual({ lat: 14.07, lon: -3.08, accuracyM: 8 });
    expect(r.record.consent).toEqual({ given: true, at: '2026-03-14T08:05:00.000Z' });
    expect('consentAt' in r.record).toBe(false);
    expect(ciblageHouseholdSchema.parse(r.record)).toEqual(buildCiblageHousehold());
  });

  it('v1 refusal without GPS or consent time migrates to a valid v2 shape', () => {
    const { gps: _g, consentAt: _c, ...v1 } = v1Household();
    const r = migrateRecord({ ...v1, consent: false });
    expect(r.ok && r.record.consent).toEqual({ given: false });
    expect(r.ok && 'gps' in r.record).toBe(false);
  });

  it('ciblage_household v2 → v3: a failed visit loses the « Non » that stood in for its outcome', () => {
    const { consent: _c, members: _m, ...rest } = buildCiblageHousehold();
    const v2Refusal = {
      ...rest,
      schemaVersion: 2,
      result: 'refus',
      consent: { given: false },
      members: [],
    };
    const r = migrateRecord(v2Refusal);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.record.schemaVersion).toBe(3);
    expect('consent' in r.record).toBe(false);
    expect(ciblageHouseholdSchema.safeParse(r.record).success).toBe(true);
    // Without v3, the same record without consent would not be a valid household at all.
    const v2Interview = { ...buildCiblageHousehold(), schemaVersion: 2 };
    const kept = migrateRecord(v2Interview);
    expect(kept.ok && kept.record.consent).toEqual(buildCiblageHousehold().consent);
    const saidYes = migrateRecord({ ...v2Refusal, consent: { given: true } });
    expect(saidYes.ok && saidYes.record.consent).toEqual({ given: true });
  });

  it('a current record is returned unchanged (same object)', () => {
    const current = buildMaSession();
    const r = migrateRecord(current);
    expect(r.ok && r.record).toBe(current);
  });

  it('refuses what it cannot migrate, as values', () => {
    expect(migrateRecord(null)).toMatchObject({ ok: false, error: { kind: 'not_an_object' } });
    expect(migrateRecord([])).toMatchObject({ ok: false, error: { kind: 'not_an_object' } });
    expect(migrateRecord({ type: 'plainte', schemaVersion: 1 })).toMatchObject({
      ok: false,
      error: { kind: 'unknown_type' },
    });
    expect(migrateRecord({ type: 'ma_session', schemaVersion: 0 })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_version' },
    });
    expect(migrateRecord({ type: 'ma_session', schemaVersion: '1' })).toMatchObject({
      ok: false,
      error: { kind: 'invalid_version' },
    });
    expect(migrateRecord({ type: 'ma_session', schemaVersion: 2 })).toMatchObject({
      ok: false,
      error: { kind: 'future_version' },
    });
  });

  it('current versions are the schemas’ literals', () => {
    expect(currentSchemaVersions).toEqual({
      ciblage_household: 3,
      assembly_validation: 1,
      ma_session: 1,
      pnp_enrolment: 1,
      himo_worker: 1,
      himo_attendance: 1,
      himo_payment: 1,
    });
  });
});
