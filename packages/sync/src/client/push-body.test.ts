import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pushRequestSchema } from '../messages/push';
import {
  batchHead,
  bodyMutationIds,
  pushBodyText,
  splitBodyText,
  toWireMutation,
  utf8Length,
  wireProblem,
} from './push-body';
import type { ClientOutboxRow as OutboxRow } from './rows';

const R = '0b6f3c1e-1111-4aaa-8bbb-00000000000';
const B = [
  '0b6f3c1e-2222-4aaa-8bbb-000000000001',
  '0b6f3c1e-2222-4aaa-8bbb-000000000002',
  '0b6f3c1e-2222-4aaa-8bbb-000000000003',
] as const;
const row = (i: number, over: Partial<OutboxRow> = {}): OutboxRow => ({
  seq: i,
  userId: 'u1',
  recordId: `${R}${i}`,
  recordType: 'ciblage_household',
  op: 'patch',
  baseVersion: 2,
  changes: { 'a.b': i },
  clientTime: '2001-01-01T00:00:00.000Z',
  state: 'pending',
  ...over,
});

describe('wire', () => {
  it('builds a push the protocol accepts, with base 0 edits sent from version 1', () => {
    const head = batchHead({
      deviceId: 'd1',
      batchId: B[0],
      clientTime: '2001-01-01T00:00:00.000Z',
      clockOffsetMs: 798_000_000_000.4,
    });
    const muts = [
      toWireMutation(
        row(1, {
          op: 'create',
          baseVersion: 0,
          record: { id: `${R}1`, type: 'ciblage_household' },
        }),
        7,
      ),
      toWireMutation(row(2, { baseVersion: 0 }), 8),
      toWireMutation(row(3, { op: 'delete', baseVersion: 0 }), 9),
    ];
    const text = pushBodyText(head, muts);
    const parsed = pushRequestSchema.parse(JSON.parse(text));
    expect(parsed.clockOffsetMs).toBe(798_000_000_000);
    expect(parsed.mutations.map((m) => [m.op, m.baseVersion])).toEqual([
      ['create', 0],
      ['patch', 1],
      ['delete', 1],
    ]);
    expect(bodyMutationIds(text)).toEqual({ first: 7, last: 9, count: 3 });
  });

  it('splits a frozen body keeping every mutation byte-identical', () => {
    const head = batchHead({
      deviceId: 'd1',
      batchId: B[0],
      clientTime: '2026-01-01T00:00:00.000Z',
    });
    const text = pushBodyText(
      head,
      [1, 2, 3, 4, 5].map((i) =>
        toWireMutation(row(i, { changes: { 'members.m~1x.firstName': 'Ɲɛ', n: i / 3 } }), 10 + i),
      ),
    );
    const [a, b] = splitBodyText(text, 2, [B[1], B[2]]);
    const mutationsText = (t: string) =>
      (JSON.parse(t) as { mutations: unknown[] }).mutations.map((m) => JSON.stringify(m));
    expect([...mutationsText(a), ...mutationsText(b)]).toEqual(mutationsText(text));
    expect(pushRequestSchema.parse(JSON.parse(b)).batchId).toBe(B[2]);
    expect(bodyMutationIds(b)).toEqual({ first: 13, last: 15, count: 3 });
  });

  it('names what makes a mutation unsendable', () => {
    expect(wireProblem(toWireMutation(row(1, { changes: { 'bad..path': 1 } }), 1))).toMatch(
      /changes/,
    );
    expect(wireProblem(toWireMutation(row(1), 1))).toBeUndefined();
  });

  it("checks a create's record as an object naming its record, without walking its content", () => {
    const create = (record: unknown) =>
      toWireMutation(
        row(1, {
          op: 'create',
          baseVersion: 0,
          record: record as NonNullable<OutboxRow['record']>,
        }),
        1,
      );
    expect(
      wireProblem(
        create({
          id: `${R}1`,
          type: 'ciblage_household',
          members: [{ firstName: 'Awa', age: 40 }],
        }),
      ),
    ).toBeUndefined();
    expect(wireProblem(create({ id: `${R}2`, type: 'ciblage_household' }))).toMatch(/record\.id/);
    expect(wireProblem(create({ id: `${R}1`, type: 'other_type' }))).toMatch(
      /record\.id and record\.type/,
    );
    expect(wireProblem(create([`${R}1`]))).toMatch(/record: expected an object/);
  });
});

describe('utf8Length', () => {
  // The platform's encoder, which this package may not name in its own code (no DOM, no Node types).
  const encoder = new (
    globalThis as unknown as { TextEncoder: new () => { encode(s: string): Uint8Array } }
  ).TextEncoder();

  it('counts what TextEncoder writes, lone surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(utf8Length(s)).toBe(encoder.encode(s).length);
      }),
    );
    for (const s of ['', 'a', 'é', 'Ɲɛ', '€', '😀', '\ud800', '\udc00x', 'a\ud83d'])
      expect(utf8Length(s), JSON.stringify(s)).toBe(encoder.encode(s).length);
  });
});
