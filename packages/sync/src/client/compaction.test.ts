import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Json, JsonObject } from '../json';
import { applyChanges } from '../paths/apply-changes';
import { mergeChanges, planCompaction } from './compaction';
import type { ClientOutboxRow as OutboxRow } from './rows';

const R1 = '0b6f3c1e-1111-4aaa-8bbb-000000000001';
const R2 = '0b6f3c1e-1111-4aaa-8bbb-000000000002';
let seq = 0;
const row = (over: Partial<OutboxRow>): OutboxRow => ({
  seq: ++seq,
  userId: 'u1',
  recordId: R1,
  recordType: 'ciblage_household',
  op: 'patch',
  baseVersion: 3,
  clientTime: `2026-01-01T00:00:0${seq % 10}.000Z`,
  state: 'pending',
  ...over,
});

describe('planCompaction', () => {
  it('create + patch → create with the patch applied', () => {
    const c = row({
      op: 'create',
      baseVersion: 0,
      record: { id: R1, type: 'ciblage_household', a: 1 },
    });
    const p = row({ changes: { a: 2, b: 'x' }, baseVersion: 0 });
    const plan = planCompaction([c, p]);
    expect(plan.remove).toEqual([p.seq]);
    expect(plan.put).toEqual([
      {
        ...c,
        clientTime: p.clientTime,
        record: { id: R1, type: 'ciblage_household', a: 2, b: 'x' },
      },
    ]);
  });

  it('patch + patch → one patch keeping the earliest base version', () => {
    const p1 = row({ baseVersion: 3, changes: { a: 1, 'members.m1.sex': 'F' } });
    const p2 = row({ baseVersion: 5, changes: { b: 2, 'members.m1': null } });
    const plan = planCompaction([p1, p2]);
    expect(plan.remove).toEqual([p2.seq]);
    expect(plan.put[0]?.baseVersion).toBe(3);
    expect(plan.put[0]?.seq).toBe(p1.seq);
    expect(plan.put[0]?.changes).toEqual({ a: 1, b: 2, 'members.m1': null });
  });

  it('anything + delete → delete; create + … + delete → nothing at all', () => {
    const p1 = row({ baseVersion: 4, changes: { a: 1 } });
    const d1 = row({ op: 'delete', baseVersion: 6 });
    const plan = planCompaction([p1, d1]);
    expect(plan.put).toEqual([
      {
        seq: p1.seq,
        userId: 'u1',
        recordId: R1,
        recordType: 'ciblage_household',
        op: 'delete',
        baseVersion: 4,
        clientTime: d1.clientTime,
        state: 'pending',
      },
    ]);
    expect(plan.remove).toEqual([d1.seq]);

    const c = row({
      recordId: R2,
      op: 'create',
      baseVersion: 0,
      record: { id: R2, type: 'ciblage_household' },
    });
    const p = row({ recordId: R2, baseVersion: 0, changes: { a: 1 } });
    const d = row({ recordId: R2, op: 'delete', baseVersion: 0 });
    expect(planCompaction([c, p, d])).toEqual({ put: [], remove: [p.seq, c.seq, d.seq] });
  });

  it('leaves single rows, other records and in-flight rows alone', () => {
    const a = row({ changes: { a: 1 } });
    const b = row({ recordId: R2, changes: { b: 1 } });
    const frozen = row({ changes: { c: 1 }, state: 'in_flight', mutationId: 9, batchId: 'b' });
    const later = row({ changes: { d: 1 } });
    const plan = planCompaction([a, b, frozen, later]);
    expect(plan.remove).toEqual([later.seq]);
    expect(plan.put.map((r) => r.seq)).toEqual([a.seq]);
    expect(planCompaction([b])).toEqual({ put: [], remove: [] });
  });

  it('a delete followed by anything is not folded (the later row stays for the server to refuse)', () => {
    const d = row({ op: 'delete', baseVersion: 2 });
    const p = row({ changes: { a: 1 } });
    expect(planCompaction([d, p])).toEqual({ put: [], remove: [] });
  });
});

describe('mergeChanges', () => {
  // A leaf path of a small record: objects `o`, `p` and a keyed array `m` of children with ids.
  const path = fc.constantFrom('o.a', 'o.b', 'p', 'm.k1.x', 'm.k1.y', 'm.k2.x', 'o');
  const value = fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constant(null));
  // Like diffRecords' output, one patch never holds both a path and a path under it.
  const overlapping = (keys: string[]) =>
    keys.some((a) => keys.some((b) => a !== b && b.startsWith(`${a}.`)));
  const patch = fc
    .dictionary(path, value, { minKeys: 1, maxKeys: 4 })
    .filter((p) => !overlapping(Object.keys(p)));
  const base: JsonObject = {
    id: 'r',
    o: { a: 1, b: 2 },
    p: 3,
    m: [
      { id: 'k1', x: 1, y: 2 },
      { id: 'k2', x: 5 },
    ],
  };

  it('applying the merged patch equals applying both in order (property)', () => {
    fc.assert(
      fc.property(patch, patch, (a, b) => {
        const sequential = applyChanges(applyChanges(base, a), b);
        const merged = applyChanges(base, mergeChanges(a, b) as Record<string, Json>);
        expect(merged).toEqual(sequential);
      }),
      { seed: 11, numRuns: 500 },
    );
  });
});

describe('planCompaction (property)', () => {
  // One record's life on a tablet: created or not yet, then random patches and maybe a delete.
  const leafPath = fc.constantFrom('o.a', 'o.b', 'p', 'm.k1.x', 'm.k2.x');
  const patchOp = fc
    .dictionary(leafPath, fc.oneof(fc.integer({ min: 0, max: 9 }), fc.constant(null)), {
      minKeys: 1,
      maxKeys: 3,
    })
    .map((changes) => ({ op: 'patch' as const, changes }));
  const life = fc.tuple(fc.boolean(), fc.array(patchOp, { maxLength: 5 }), fc.boolean());
  const start: JsonObject = {
    id: 'r',
    type: 't',
    o: { a: 1, b: 2 },
    p: 3,
    m: [
      { id: 'k1', x: 1 },
      { id: 'k2', x: 5 },
    ],
  };

  /** What the server ends with after receiving the rows in order (undefined: no record). */
  function serverAfter(
    rows: readonly OutboxRow[],
    initial: JsonObject | undefined,
  ): JsonObject | undefined {
    let state = initial;
    for (const r of rows) {
      if (r.op === 'create') state = r.record as JsonObject;
      else if (r.op === 'patch' && state)
        state = applyChanges(state, r.changes as Record<string, Json>);
      else if (r.op === 'delete') state = undefined;
    }
    return state;
  }

  it('sending the compacted rows leaves the server where sending every row would', () => {
    fc.assert(
      fc.property(life, ([creates, patches, deletes]) => {
        const rows: OutboxRow[] = [];
        if (creates)
          rows.push(
            row({
              op: 'create',
              baseVersion: 0,
              record: start as NonNullable<OutboxRow['record']>,
            }),
          );
        for (const p of patches)
          rows.push(row({ op: 'patch', baseVersion: creates ? 0 : 4, changes: p.changes }));
        if (deletes) rows.push(row({ op: 'delete', baseVersion: creates ? 0 : 4 }));
        const plan = planCompaction(rows);
        const removed = new Set(plan.remove);
        const replaced = new Map(plan.put.map((r) => [r.seq, r]));
        const compacted = rows
          .filter((r) => !removed.has(r.seq as number))
          .map((r) => replaced.get(r.seq) ?? r);
        const initial = creates ? undefined : start;
        expect(serverAfter(compacted, initial)).toEqual(serverAfter(rows, initial));
        // At most one row per record survives, and patches keep the earliest base.
        expect(compacted.length).toBeLessThanOrEqual(1);
        if (compacted[0]?.op === 'patch' || compacted[0]?.op === 'delete')
          expect(compacted[0].baseVersion).toBe(rows[0]?.baseVersion);
      }),
      { seed: 12, numRuns: 400 },
    );
  });
});
