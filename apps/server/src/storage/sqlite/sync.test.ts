import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Repository } from './repository';
import { createSqliteRepository } from './sqlite-repository';

describe('records storage', () => {
  let dir: string;
  let repo: Repository;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jigi-store-'));
    repo = createSqliteRepository(path.join(dir, 'db.sqlite'));
  });
  afterEach(() => {
    repo.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  const save = (i: number, villageId: string) => {
    repo.saveRecord({
      id: `r-${String(i).padStart(5, '0')}`,
      type: 'ciblage_household',
      villageId,
      version: 1,
      data: { n: i },
      fieldVersions: {},
      deleted: i % 10 === 0,
      reviewStatus: 'received',
      warnings: [],
      createdBy: 'u',
      deviceId: 'd',
      createdAt: '2026-03-15T10:00:00.000Z',
      updatedAt: '2026-03-15T10:00:00.000Z',
    });
  };

  it('lists records in keyset pages: every matching record once, deleted ones left out', () => {
    repo.transaction(() => {
      for (let i = 1; i <= 1234; i++) save(i, i % 2 === 0 ? 'v-even' : 'v-odd');
    });
    const all = [...repo.listRecords({ type: 'ciblage_household' })];
    expect(all).toHaveLength(1234 - 123);
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    const even = [...repo.listRecords({ type: 'ciblage_household', villageIds: ['v-even'] })];
    expect(even.every((r) => r.villageId === 'v-even')).toBe(true);
    expect(even).toHaveLength(617 - 123);
    // Other statements run between pages: the listing holds no open cursor.
    const iterator = repo.listRecords({ type: 'ciblage_household' });
    iterator.next();
    expect(() => {
      save(99999, 'v-odd');
    }).not.toThrow();
  });

  it('keeps one change-log entry per entity with an ever-growing sequence', () => {
    const first = repo.logChange({
      entity: 'record',
      entityId: 'a',
      villageId: 'v',
      recordType: 'ciblage_household',
      audienceUserId: null,
    });
    const second = repo.logChange({
      entity: 'record',
      entityId: 'b',
      villageId: 'v',
      recordType: 'ciblage_household',
      audienceUserId: null,
    });
    const again = repo.logChange({
      entity: 'record',
      entityId: 'a',
      villageId: 'v',
      recordType: 'ciblage_household',
      audienceUserId: null,
    });
    expect([first, second, again]).toEqual([1, 2, 3]);
    const scope = { villageIds: ['v'], recordTypes: ['ciblage_household'], userId: 'u' };
    expect(repo.changesAfter(0, 10, scope).map((c) => [c.seq, c.entityId])).toEqual([
      [2, 'b'],
      [3, 'a'],
    ]);
    expect(repo.changesAfter(0, 10, { ...scope, recordTypes: ['ma_session'] })).toEqual([]);
    expect(repo.lastSeq()).toBe(3);
  });
});
