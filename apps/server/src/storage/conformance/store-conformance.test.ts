// One conformance suite for every backend (PowerSync's habit): the `server` project runs it on
// SQLite, `server-pg` on PostgreSQL. It checks the isolation promise written on store.ts.
import { describe, expect, it } from 'vitest';
import type { RecordRow } from '../rows';
import type { Store } from '../store';
import { openTestDatabase, testBackend } from '../../test-support/harness';

const record = (i: number, villageId: string, extra: Record<string, string> = {}): RecordRow => ({
  id: `r-${String(i).padStart(5, '0')}`,
  type: 'ciblage_household',
  villageId,
  version: 1,
  data: { n: i, ...extra },
  fieldVersions: {},
  deleted: i % 10 === 0,
  reviewStatus: 'received',
  warnings: [],
  createdBy: 'u',
  deviceId: 'd',
  createdAt: '2026-03-15T10:00:00.000Z',
  updatedAt: '2026-03-15T10:00:00.000Z',
});
const change = (entityId: string) => ({
  entity: 'record' as const,
  entityId,
  villageId: 'v',
  recordType: 'ciblage_household',
  audienceUserId: null,
});
const scope = { villageIds: ['v'], recordTypes: ['ciblage_household'], userId: 'u' };

async function withStore(fn: (store: Store) => Promise<void>): Promise<void> {
  const db = await openTestDatabase();
  try {
    await fn(db.store);
  } finally {
    await db.dispose();
  }
}

describe(`store conformance (${testBackend})`, () => {
  it('pages records by id: every match once, deleted ones left out, village and field filters', () =>
    withStore(async (store) => {
      await store.write(async (tx) => {
        for (let i = 1; i <= 1234; i++)
          await tx.sync.saveRecord(
            record(i, i % 2 === 0 ? 'v-even' : 'v-odd', { projectId: i % 3 === 0 ? 'p3' : 'p' }),
          );
      });
      const all: RecordRow[] = [];
      let after = '';
      for (;;) {
        const page = await store.read((tx) =>
          tx.sync.recordsPage({ type: 'ciblage_household' }, after, 500),
        );
        all.push(...page);
        if (page.length < 500) break;
        after = page.at(-1)?.id ?? '';
      }
      expect(all).toHaveLength(1234 - 123);
      expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
      expect(all.map((r) => r.id)).toEqual([...all.map((r) => r.id)].sort());
      const even = await store.read((tx) =>
        tx.sync.recordsWhere({ type: 'ciblage_household', villageIds: ['v-even'] }),
      );
      expect(even).toHaveLength(617 - 123);
      const p3 = await store.read((tx) =>
        tx.sync.recordsWhere({ type: 'ciblage_household', field: 'projectId', value: 'p3' }),
      );
      expect(p3.every((r) => r.data['projectId'] === 'p3' && !r.deleted)).toBe(true);
      expect(p3).toHaveLength(411 - 41);
      await expect(
        store.read((tx) => tx.sync.recordsWhere({ type: 'x', field: "a'); DROP", value: '' })),
      ).rejects.toThrow('not a record field name');
    }));

  it('keeps one change-log entry per entity, with an ever-growing sequence', () =>
    withStore(async (store) => {
      const base = await store.read((tx) => tx.sync.lastSeq());
      await store.write((tx) => tx.sync.logChange(change('a')));
      await store.write((tx) => tx.sync.logChange(change('b')));
      await store.write((tx) => tx.sync.logChange(change('a')));
      const rows = await store.read((tx) => tx.sync.changesAfter(base, 10, scope));
      expect(rows.map((c) => [c.seq - base, c.entityId])).toEqual([
        [2, 'b'],
        [3, 'a'],
      ]);
      expect(await store.read((tx) => tx.sync.lastSeq())).toBe(base + 3);
    }));

  it('rolls a write back whole when it throws, and keeps what was stored before', () =>
    withStore(async (store) => {
      await store.write((tx) => tx.sync.saveRecord(record(1, 'v')));
      await expect(
        store.write(async (tx) => {
          await tx.sync.saveRecord({ ...record(1, 'v'), version: 2 });
          await tx.sync.saveRecord(record(2, 'v'));
          await tx.sync.logChange(change('r-00002'));
          throw new Error('refused half-way');
        }),
      ).rejects.toThrow('refused half-way');
      expect((await store.read((tx) => tx.sync.recordById('r-00001')))?.version).toBe(1);
      expect(await store.read((tx) => tx.sync.recordById('r-00002'))).toBeUndefined();
      expect(
        (await store.read((tx) => tx.sync.changesAfter(0, 100, scope))).map((c) => c.entityId),
      ).not.toContain('r-00002');
    }));

  it('refuses a transaction opened inside another (it would wait for itself)', () =>
    withStore(async (store) => {
      await expect(
        store.write(async () => {
          await store.read((tx) => tx.meta.epoch());
        }),
      ).rejects.toThrow('transaction opened inside another');
    }));

  it('serialises two writes for the same device: each sees the other’s last mutation id', () =>
    withStore(async (store) => {
      const device = (await store.read((tx) => tx.accounts.listDevices()))[0];
      const user = (await store.read((tx) => tx.accounts.listUsers()))[0];
      if (user === undefined) throw new Error('seeded users expected');
      const id = device?.id ?? 'dev-conformance';
      if (device === undefined)
        await store.write((tx) =>
          tx.accounts.insertDevice({
            id,
            userId: user.id,
            label: 'x',
            tokenHash: 'h',
            createdAt: '2026-03-15T10:00:00.000Z',
            revokedAt: null,
            lastMutationId: 0,
            lastSeenAt: null,
            reportedUnsynced: null,
          }),
        );
      // Ten concurrent read-increment-write cycles: without the device lock some would be lost.
      await Promise.all(
        Array.from({ length: 10 }, () =>
          store.write(async (tx) => {
            const current = await tx.sync.lockDevice(id);
            await new Promise((r) => setTimeout(r, 5));
            await tx.sync.setLastMutationId(id, (current?.lastMutationId ?? 0) + 1);
          }),
        ),
      );
      expect((await store.read((tx) => tx.accounts.deviceById(id)))?.lastMutationId).toBe(10);
    }));
});
