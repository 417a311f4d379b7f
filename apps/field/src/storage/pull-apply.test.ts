import { buildBeneficiaryHousehold, buildCiblageHousehold, buildVillage, sampleIds } from '@jigi/domain/testing';
import { defaultProgramSettings } from '@jigi/domain';
import { beforeEach, describe, expect, it } from 'vitest';
import { freshDb } from '../test-support/db';
import type { JigiDb } from './db';
import { finaliseRecord } from './records';
import { applyPullPage, type PulledChange } from './pull-apply';
import { saveRegistration } from './sync-state';

const U = sampleIds.agent;
const NOW = '2026-03-15T10:00:00.000Z';
let db: JigiDb;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await saveRegistration(U, 'dev-1', 'token-token-token-token');
});

const change = (seq: number, entity: string, id: string, data: Record<string, unknown>, extra: Partial<PulledChange> = {}): PulledChange =>
  ({ seq, entity, id, deleted: false, data, ...extra });

describe('applying a pulled page', () => {
  it('stores reference data and the cursor together; a tombstone removes', async () => {
    const res = await applyPullPage(U, [
      change(1, 'village', 'v1', buildVillage({ id: 'v1' })),
      change(2, 'beneficiary_household', sampleIds.beneficiaryHousehold, buildBeneficiaryHousehold({ villageId: 'v1' })),
      change(3, 'settings', 'program', { ...defaultProgramSettings, himoDefaultDailyWageFcfa: 2500 }),
    ], 'ep.3', NOW);
    expect(res).toMatchObject({ ok: true, value: { applied: 3, skipped: [] } });
    expect(await db.villages.count()).toBe(1);
    expect((await db.settings.get('program'))?.himoDefaultDailyWageFcfa).toBe(2500);
    expect((await db.syncState.get(U))?.pullCursor).toBe('ep.3');
    await applyPullPage(U, [{ seq: 4, entity: 'village', id: 'v1', deleted: true }], 'ep.4', NOW);
    expect(await db.villages.count()).toBe(0);
  });

  it('skips reference data that fails its schema, without losing the rest of the page', async () => {
    const res = await applyPullPage(U, [change(1, 'village', 'bad', { id: 'bad' }), change(2, 'village', 'v2', buildVillage({ id: 'v2' }))], 'ep.2', NOW);
    expect(res.ok && res.value.skipped.map((s) => s.id)).toEqual(['bad']);
    expect(await db.villages.count()).toBe(1);
  });

  it('never overwrites a local pending edit: only the server version moves underneath', async () => {
    const local = buildCiblageHousehold({ householdCode: 'LOCAL' });
    await finaliseRecord({ record: local, agentId: U, now: NOW });
    await applyPullPage(U, [change(1, 'record', local.id, { ...local, householdCode: 'SERVER' }, { version: 4 })], 'ep.1', NOW);
    const row = await db.records.get(local.id);
    expect(row?.record['householdCode']).toBe('LOCAL');
    expect(row?.serverVersion).toBe(4);
    expect(row?.syncStatus).toBe('finalised');
  });

  it('a returned record and its task make it « à corriger » with the supervisor’s comment', async () => {
    const rec = buildCiblageHousehold();
    await applyPullPage(U, [
      change(1, 'record', rec.id, rec, { version: 2, meta: { reviewState: 'returned' } }),
      change(2, 'task', 'task-1', { id: 'task-1', recordId: rec.id, comment: 'Âge du chef à vérifier', createdAt: NOW, status: 'open' }),
    ], 'ep.2', NOW);
    expect(await db.records.get(rec.id)).toMatchObject({ syncStatus: 'returned', supervisorComment: 'Âge du chef à vérifier', agentId: U, serverVersion: 2 });
    expect(await db.tasks.get('task-1')).toMatchObject({ recordId: rec.id, resolved: false });
  });

  it('a record with paths waiting for the supervisor is « en attente d’arbitrage »', async () => {
    const rec = buildCiblageHousehold();
    await applyPullPage(U, [change(1, 'record', rec.id, rec, { version: 3, meta: { pendingConflictPaths: ['members.x.firstName'] } })], 'ep.1', NOW);
    expect((await db.records.get(rec.id))?.syncStatus).toBe('conflict');
    await applyPullPage(U, [change(2, 'record', rec.id, rec, { version: 4, meta: { reviewState: 'received' } })], 'ep.2', NOW);
    expect((await db.records.get(rec.id))?.syncStatus).toBe('synced');
  });
});
