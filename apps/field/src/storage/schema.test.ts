import { beforeEach, describe, expect, it } from 'vitest';
import { testKeys } from '../test-support/db';
import { JigiDb, useDatabaseInstance } from './db';
import { LATEST_SCHEMA_VERSION, schemaVersions } from './schema';
import { workItems } from './records';

const name = () => `schema-${Math.random().toString(36).slice(2)}`;

// The rows of these older shapes are read back as their owner would, with a key held.
beforeEach(() => {
  testKeys();
});

describe('tablet database schema', () => {
  it('versions are 1..n in order, each with at least one store change', () => {
    expect(schemaVersions.map((v) => v.version)).toEqual(
      Array.from({ length: LATEST_SCHEMA_VERSION }, (_, i) => i + 1),
    );
    for (const v of schemaVersions) expect(Object.keys(v.stores).length).toBeGreaterThan(0);
  });

  it('a fresh install opens at the latest version with every table', async () => {
    const db = new JigiDb(name());
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        'beneficiaryHouseholds',
        'drafts',
        'meta',
        'microprojects',
        'outbox',
        'receipts',
        'records',
        'settings',
        'syncBatches',
        'syncState',
        'tasks',
        'userKeys',
        'users',
        'villages',
      ].sort(),
    );
    db.close();
  });

  it('v1 → v2: keeps drafts and records, fills searchText, adds the [agentId+type] index', async () => {
    const dbName = name();
    const v1 = new JigiDb(dbName, 1);
    await v1.open();
    const record = {
      id: 'r1',
      type: 'ciblage_household',
      villageId: 'v1',
      householdCode: 'KOR-001',
      members: [{ id: 'm1', firstName: 'Fatoumata', lastName: 'Traoré' }],
    };
    await v1.table('records').add({
      id: 'r1',
      type: 'ciblage_household',
      agentId: 'u1',
      villageId: 'v1',
      record,
      syncStatus: 'finalised',
      serverVersion: null,
      baseVersion: null,
      finalisedAt: 'x',
      updatedAt: 'x',
    });
    await v1.table('drafts').add({
      id: 'd1',
      type: 'pnp_enrolment',
      agentId: 'u1',
      villageId: 'v1',
      record: {
        id: 'd1',
        type: 'pnp_enrolment',
        household: { caregiver: { name: 'Awa Dembélé' } },
      },
      position: { section: 'household' },
      editsFinalised: false,
      createdAt: 'x',
      updatedAt: 'x',
    });
    await v1.table('outbox').add({
      userId: 'u1',
      recordId: 'r1',
      recordType: 'ciblage_household',
      op: 'create',
      baseVersion: 0,
      record,
      clientTime: 'x',
      state: 'pending',
    });
    v1.close();

    const v2 = new JigiDb(dbName);
    await v2.open();
    expect(v2.verno).toBe(LATEST_SCHEMA_VERSION);
    const row = await v2.records.get('r1');
    expect(row?.record).toEqual(record);
    expect(row?.searchText).toBe('');
    expect(
      await v2.records.where('[agentId+type]').equals(['u1', 'ciblage_household']).count(),
    ).toBe(1);
    expect(
      (await v2.drafts.where('[agentId+type]').equals(['u1', 'pnp_enrolment']).first())?.searchText,
    ).toBe('');
    // The lists fold the names of upgraded rows on read, so a search finds them.
    useDatabaseInstance(v2);
    expect((await workItems('u1', ['ciblage_household']))[0]?.searchText).toContain('traore');
    expect((await workItems('u1', ['pnp_enrolment']))[0]?.searchText).toContain('awa dembele');
    expect(await v2.outbox.count()).toBe(1);
    v2.close();
  });
});
