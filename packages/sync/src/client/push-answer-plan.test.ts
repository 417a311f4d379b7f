import { describe, expect, it } from 'vitest';
import type { MutationResult } from '../messages/mutation-result';
import { create, household, outbox, synced, T } from '../test-support/client-rows';
import { matchAnswer, planPushAnswer } from './push-answer-plan';
import type { ClientOutboxRow, ClientRecordRow } from './rows';

const inFlight = (row: ClientOutboxRow, mutationId: number): ClientOutboxRow => ({
  ...row,
  state: 'in_flight',
  batchId: 'b1',
  mutationId,
});
const finalised = (n: number): ClientRecordRow => {
  const { serverRecord: _none, ...row } = synced(household(n), 0);
  return { ...row, syncStatus: 'finalised', serverVersion: null, baseVersion: null };
};
/** Plans an answer over a store made of `rows` and `records`. */
const answer = (results: MutationResult[], rows: ClientOutboxRow[], records: ClientRecordRow[]) => {
  const { answered } = matchAnswer(
    results,
    rows.filter((r) => r.state === 'in_flight'),
  );
  const outboxOf = new Map<string, ClientOutboxRow[]>();
  for (const r of rows) outboxOf.set(r.recordId, [...(outboxOf.get(r.recordId) ?? []), r]);
  return planPushAnswer({
    answered,
    outboxOf,
    recordOf: new Map(records.map((r) => [r.id, r])),
    now: T,
  });
};

describe('planPushAnswer', () => {
  it('marks accepted, rejected and conflict records and takes every answered row out', () => {
    const [a, b, c] = [finalised(1), finalised(2), finalised(3)];
    const rows = [a, b, c].map((r, i) => inFlight(create(r.record), i + 1));
    const plan = answer(
      [
        { mutationId: 1, recordId: a.id, outcome: 'applied', version: 1 },
        {
          mutationId: 2,
          recordId: b.id,
          outcome: 'rejected',
          error: {
            code: 'validation_failed',
            message: 'Âge du chef invalide',
            issues: [{ path: 'members', rule: 'r', severity: 'error', message: 'Âge' }],
          },
        },
        {
          mutationId: 3,
          recordId: c.id,
          outcome: 'conflict_queued',
          version: 2,
          conflictPaths: ['householdCode'],
          appliedPaths: [],
        },
      ],
      rows,
      [a, b, c],
    );
    expect(plan.tally).toEqual({
      acknowledged: 3,
      accepted: 2,
      duplicates: 0,
      conflicts: 1,
      rejections: [{ recordId: b.id, code: 'validation_failed', message: 'Âge du chef invalide' }],
    });
    expect(plan.deleteRows.sort()).toEqual(rows.map((r) => r.seq).sort());
    const byId = new Map(plan.putRecords.map((r) => [r.id, r]));
    expect(byId.get(a.id)).toMatchObject({
      syncStatus: 'synced',
      serverVersion: 1,
      baseVersion: 1,
    });
    expect(byId.get(a.id)?.serverRecord).toEqual(a.record);
    expect(byId.get(b.id)).toMatchObject({
      syncStatus: 'rejected',
      rejection: { code: 'validation_failed', mutationId: 2, at: T },
    });
    expect(byId.get(c.id)).toMatchObject({
      syncStatus: 'conflict',
      conflictPaths: ['householdCode'],
    });
  });

  it('a rejected mutation takes the pending edits behind it out too; the record keeps its content', () => {
    const a = synced(household(1), 3);
    const sent = inFlight(outbox({ recordId: a.id, baseVersion: 3, changes: { x: 1 } }), 4);
    const behind = outbox({ recordId: a.id, baseVersion: 3, changes: { y: 2 } });
    const plan = answer(
      [
        {
          mutationId: 4,
          recordId: a.id,
          outcome: 'rejected',
          error: { code: 'stale_delete', message: 'non' },
        },
      ],
      [sent, behind],
      [{ ...a, record: { ...a.record, x: 1, y: 2 }, syncStatus: 'finalised' }],
    );
    expect(plan.deleteRows.sort()).toEqual([sent.seq, behind.seq].sort());
    expect(plan.putRecords).toMatchObject([
      { syncStatus: 'rejected', record: { x: 1, y: 2 }, serverVersion: 3 },
    ]);
  });

  it("an acknowledged create gives the edits made meanwhile (base 0) the record's version", () => {
    const a = finalised(1);
    const sent = inFlight(create(a.record), 1);
    const meanwhile = outbox({ recordId: a.id, baseVersion: 0, changes: { x: 1 } });
    const plan = answer(
      [{ mutationId: 1, recordId: a.id, outcome: 'applied', version: 1 }],
      [sent, meanwhile],
      [a],
    );
    expect(plan.putRows).toEqual([{ ...meanwhile, baseVersion: 1 }]);
    // Still an edit waiting: the record stays « finalised » and keeps its base.
    expect(plan.putRecords).toMatchObject([
      { syncStatus: 'finalised', serverVersion: 1, baseVersion: null },
    ]);
  });

  it('a patch answer moves the server copy forward by that patch', () => {
    const a = synced(household(1), 2);
    const sent = inFlight(
      outbox({ recordId: a.id, baseVersion: 2, changes: { householdCode: 'N' } }),
      5,
    );
    const plan = answer(
      [{ mutationId: 5, recordId: a.id, outcome: 'merged', version: 4 }],
      [sent],
      [{ ...a, syncStatus: 'finalised' }],
    );
    expect(plan.putRecords[0]).toMatchObject({
      syncStatus: 'synced',
      serverVersion: 4,
      serverRecord: { householdCode: 'N' },
    });
  });

  it('a record deleted then created again in one batch ends with the created content', () => {
    const a = synced(household(1), 3);
    const del = inFlight(outbox({ recordId: a.id, op: 'delete', baseVersion: 3 }), 1);
    const again = inFlight(create({ ...a.record, householdCode: 'NEW' }), 2);
    const plan = answer(
      [
        { mutationId: 1, recordId: a.id, outcome: 'applied', version: 4 },
        { mutationId: 2, recordId: a.id, outcome: 'applied', version: 5 },
      ],
      [del, again],
      [a],
    );
    expect(plan.deleteRecords).toEqual([]);
    expect(plan.putRecords).toMatchObject([
      { syncStatus: 'synced', serverVersion: 5, serverRecord: { householdCode: 'NEW' } },
    ]);
  });

  it('an acknowledged delete with nothing behind it removes the record', () => {
    const a = synced(household(1), 3);
    const del = inFlight(outbox({ recordId: a.id, op: 'delete', baseVersion: 3 }), 1);
    const plan = answer(
      [{ mutationId: 1, recordId: a.id, outcome: 'applied', version: 4 }],
      [del],
      [a],
    );
    expect(plan.deleteRecords).toEqual([a.id]);
    expect(plan.putRecords).toEqual([]);
  });

  it('an answer whose rows already left the outbox (another tab) plans nothing', () => {
    const a = finalised(1);
    const plan = answer(
      [{ mutationId: 1, recordId: a.id, outcome: 'applied', version: 1 }],
      [],
      [a],
    );
    expect(plan).toEqual({
      tally: { acknowledged: 0, accepted: 0, duplicates: 0, conflicts: 0, rejections: [] },
      deleteRows: [],
      putRows: [],
      putRecords: [],
      deleteRecords: [],
    });
  });
});

describe('matchAnswer', () => {
  it('matches by id and record, and asks for every in-flight row when the batch lacks an id', () => {
    const row = inFlight(create(household(1)), 3);
    const ok = { mutationId: 3, recordId: row.recordId, outcome: 'applied', version: 1 } as const;
    expect(matchAnswer([ok], [row])).toEqual({
      answered: [{ result: ok, row }],
      needsAllInFlight: false,
    });
    expect(matchAnswer([{ ...ok, recordId: 'other' }], [row]).answered).toEqual([]);
    expect(matchAnswer([{ ...ok, mutationId: 4 }], [row]).needsAllInFlight).toBe(true);
  });
});
