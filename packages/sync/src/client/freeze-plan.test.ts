import { describe, expect, it } from 'vitest';
import { pushRequestSchema } from '../messages/push';
import { bid, create, household, outbox, rid, T, U } from '../test-support/client-rows';
import {
  planAdoptedBatches,
  planFreeze,
  planHead,
  planRenumber,
  planSplit,
  type FreezeInput,
} from './freeze-plan';
import { toWireMutation, utf8Length } from './push-body';
import type { ClientOutboxRow } from './rows';

let ids = 0;
const input = (over: Partial<FreezeInput> = {}): FreezeInput => ({
  userId: U,
  deviceId: 'dev-1',
  nextMutationId: 1,
  newBatchId: () => bid(++ids),
  now: T,
  jsonBudget: 1_000_000,
  maxMutations: 200,
  ...over,
});
const whole = (rows: ClientOutboxRow[]) => ({
  rows,
  lastSeq: rows.at(-1)?.seq ?? 0,
  complete: true,
});
const body = (text: string | undefined) => pushRequestSchema.parse(JSON.parse(text ?? ''));

describe('planHead: compaction of the head of the outbox', () => {
  it('create + patch + delete of a record the server never saw leaves nothing to send', () => {
    const a = household(1);
    const rows = [
      create(a),
      outbox({ recordId: a.id, baseVersion: 0, changes: { householdCode: 'X' } }),
      outbox({ recordId: a.id, op: 'delete', baseVersion: 0 }),
    ];
    const head = planHead(whole(rows), 200);
    expect(head?.eligible).toEqual([]);
    expect(head?.compaction.remove.sort()).toEqual(rows.map((r) => r.seq).sort());
    expect(planFreeze(head?.eligible ?? [], input()).batch).toBeNull();
  });

  it('create + patch → one create carrying the patch, in the place of the create', () => {
    const a = household(1);
    const b = household(2);
    const rows = [
      create(a),
      create(b),
      outbox({ recordId: a.id, baseVersion: 0, changes: { householdCode: 'X' } }),
    ];
    const head = planHead(whole(rows), 200);
    expect(head?.eligible.map((r) => [r.seq, r.op, r.record?.['householdCode']])).toEqual([
      [rows[0]?.seq, 'create', 'X'],
      [rows[1]?.seq, 'create', 'KOR-2'],
    ]);
  });

  it('patch + delete → delete from the base of the patch', () => {
    const a = household(1);
    const rows = [
      outbox({ recordId: a.id, baseVersion: 3, changes: { householdCode: 'X' } }),
      outbox({ recordId: a.id, op: 'delete', baseVersion: 4 }),
    ];
    expect(planHead(whole(rows), 200)?.eligible).toMatchObject([{ op: 'delete', baseVersion: 3 }]);
  });

  it('asks for a larger window when compaction leaves fewer than a batch and more is unread', () => {
    const a = household(1);
    const rows = [
      create(a),
      outbox({ recordId: a.id, baseVersion: 0, changes: { householdCode: 'X' } }),
    ];
    expect(planHead({ rows, lastSeq: rows[1]?.seq ?? 0, complete: false }, 2)).toBeNull();
    expect(
      planHead({ rows, lastSeq: rows[1]?.seq ?? 0, complete: true }, 2)?.eligible,
    ).toHaveLength(1);
  });

  it("never lets a record's later run, behind the window, go ahead of what the window holds", () => {
    const rows = [
      outbox({ recordId: rid(1), op: 'delete', baseVersion: 3 }),
      create(household(2)),
      create(household(1)),
    ];
    const head = planHead({ rows, lastSeq: rows[1]?.seq ?? 0, complete: false }, 2);
    expect(head?.eligible.map((r) => [r.op, r.recordId])).toEqual([
      ['delete', rid(1)],
      ['create', rid(2)],
    ]);
  });
});

describe('planFreeze: numbering and byte cap', () => {
  it('numbers from the device counter and freezes a valid push body', () => {
    const rows = [create(household(1)), create(household(2))];
    const plan = planFreeze(rows, input({ nextMutationId: 7, clockOffsetMs: 1234.4 }));
    expect(plan.batch).toMatchObject({ firstMutationId: 7, lastMutationId: 8, attempts: 0 });
    expect(plan.nextMutationId).toBe(9);
    const push = body(plan.batch?.body);
    expect(push.clockOffsetMs).toBe(1234);
    expect(push.mutations.map((m) => [m.mutationId, m.recordId])).toEqual([
      [7, rid(1)],
      [8, rid(2)],
    ]);
    expect(plan.inFlight.map((r) => [r.state, r.mutationId, r.batchId])).toEqual([
      ['in_flight', 7, plan.batch?.batchId],
      ['in_flight', 8, plan.batch?.batchId],
    ]);
    expect(plan.batch?.jsonBytes).toBe(utf8Length(plan.batch?.body ?? ''));
  });

  it('fills a batch up to its JSON budget, never past it, but always takes one mutation', () => {
    const rows = Array.from({ length: 10 }, (_, i) => create(household(i + 1)));
    const size = (i: number) => utf8Length(JSON.stringify(toWireMutation(rows[i]!, i + 1))) + 1;
    const three = size(0) + size(1) + size(2);
    expect(planFreeze(rows, input({ jsonBudget: three })).inFlight).toHaveLength(3);
    const plan = planFreeze(rows, input({ jsonBudget: three + size(3) - 1 }));
    expect(plan.inFlight).toHaveLength(3);
    expect(plan.nextMutationId).toBe(4);
    expect(planFreeze(rows, input({ jsonBudget: 10 })).inFlight).toHaveLength(1);
    expect(planFreeze(rows, input({ maxMutations: 4 })).inFlight).toHaveLength(4);
  });

  it('takes out a change the protocol would refuse whole, with the reason, and numbers on', () => {
    const bad = outbox({ recordId: rid(1), baseVersion: 2, changes: { 'bad..path': 1 } });
    const plan = planFreeze([bad, create(household(2))], input());
    expect(plan.refused).toMatchObject([
      { row: { seq: bad.seq }, rejection: { code: 'invalid_change', at: T } },
    ]);
    expect(body(plan.batch?.body).mutations.map((m) => [m.mutationId, m.recordId])).toEqual([
      [1, rid(2)],
    ]);
  });

  it('makes no batch id when there is nothing to send', () => {
    let made = 0;
    expect(planFreeze([], input({ newBatchId: () => String(++made) })).batch).toBeNull();
    expect(made).toBe(0);
  });
});

describe('frozen batches: split, renumber, adopt', () => {
  const frozen = () => {
    const plan = planFreeze(
      Array.from({ length: 4 }, (_, i) => create(household(i + 1))),
      input(),
    );
    if (!plan.batch) throw new Error('no batch');
    return plan.batch;
  };

  it('splits keeping the ids and the exact bytes of every mutation', () => {
    const batch = frozen();
    const split = planSplit(batch, 1, [bid(91), bid(92)]);
    expect(split?.parts.map((b) => [b.batchId, b.firstMutationId, b.lastMutationId])).toEqual([
      [bid(91), 1, 1],
      [bid(92), 2, 4],
    ]);
    const texts = (t: string) => body(t).mutations.map((m) => JSON.stringify(m));
    expect(split?.parts.flatMap((b) => texts(b.body))).toEqual(texts(batch.body));
    expect([1, 2, 4].map((id) => split?.batchIdOf(id))).toEqual([bid(91), bid(92), bid(92)]);
    expect(planSplit(batch, 0, [bid(91), bid(92)])).toBeNull();
    expect(planSplit(batch, 4, [bid(91), bid(92)])).toBeNull();
  });

  it('renumbers every open batch, in order, from the id the server expects', () => {
    const split = planSplit(frozen(), 1, [bid(91), bid(92)]);
    const plan = planRenumber(split?.parts ?? [], 7);
    expect(plan.batches.map((b) => body(b.batch.body).mutations.map((m) => m.mutationId))).toEqual([
      [7],
      [8, 9, 10],
    ]);
    expect(plan.batches.map((b) => [b.batch.firstMutationId, b.batch.lastMutationId])).toEqual([
      [7, 7],
      [8, 10],
    ]);
    expect([...(plan.batches[1]?.idOf ?? [])]).toEqual([
      [2, 8],
      [3, 9],
      [4, 10],
    ]);
    expect(plan.nextMutationId).toBe(11);
  });

  it('gives in-flight rows without a batch row a batch under their own ids', () => {
    const rows = [
      create(household(1), { state: 'in_flight', batchId: bid(5), mutationId: 2 }),
      create(household(2), { state: 'in_flight', batchId: bid(5), mutationId: 1 }),
      create(household(3), { state: 'in_flight', batchId: bid(6), mutationId: 3 }),
    ];
    const adopted = planAdoptedBatches({
      userId: U,
      deviceId: 'dev-1',
      clockOffsetMs: 1200,
      inFlight: rows,
      knownBatchIds: new Set([bid(6)]),
    });
    expect(adopted).toMatchObject([
      { batchId: bid(5), firstMutationId: 1, lastMutationId: 2, attempts: 1 },
    ]);
    const push = body(adopted[0]?.body);
    expect(push).toMatchObject({ deviceId: 'dev-1', clockOffsetMs: 1200 });
    expect(push.mutations.map((m) => [m.mutationId, m.recordId])).toEqual([
      [1, rid(2)],
      [2, rid(1)],
    ]);
  });
});
