import { describe, expect, it } from 'vitest';
import { reconcileRound } from './reconciliation';

const planned = (id: string, amountFcfa = 45_000) => ({ householdId: id, amountFcfa });
const declared = (id: string, amountFcfa = 45_000, receiptRef = `R-${id}`) => ({
  householdId: id,
  amountFcfa,
  receiptRef,
});
const observed = (id: string, amountFcfa = 45_000, eventId = `E-${id}`) => ({
  householdId: id,
  amountFcfa,
  eventId,
});

describe('reconcileRound: one category per household', () => {
  const one = (p: boolean, d: number | null, o: number | null) =>
    reconcileRound({
      planned: p ? [planned('h')] : [],
      declared: d === null ? [] : [declared('h', d)],
      observed: o === null ? [] : [observed('h', o)],
    }).lines[0]?.category;

  it('sorts every combination of the three sources', () => {
    expect(one(true, 45_000, 45_000)).toBe('paid_confirmed');
    expect(one(true, 45_000, null)).toBe('declared_not_observed');
    expect(one(true, null, 45_000)).toBe('observed_not_declared');
    expect(one(true, null, null)).toBe('unpaid');
    expect(one(false, 45_000, null)).toBe('not_on_paylist');
    expect(one(false, null, 45_000)).toBe('not_on_paylist');
  });

  it('a franc either way is a mismatch, on every side', () => {
    expect(one(true, 44_999, 45_000)).toBe('amount_mismatch');
    expect(one(true, 45_001, 45_000)).toBe('amount_mismatch');
    expect(one(true, 45_000, 44_999)).toBe('amount_mismatch');
    expect(one(true, 45_000, 45_001)).toBe('amount_mismatch');
    expect(one(true, 40_000, 40_000)).toBe('amount_mismatch');
  });

  it('two agency rows or two site payments for one household are a mismatch', () => {
    const r = reconcileRound({
      planned: [planned('a'), planned('b')],
      declared: [declared('a', 20_000, 'R1'), declared('a', 25_000, 'R2'), declared('b')],
      observed: [observed('a'), observed('b', 45_000, 'E1'), observed('b', 45_000, 'E2')],
    });
    expect(r.lines.map((l) => l.category)).toEqual(['amount_mismatch', 'amount_mismatch']);
    expect(r.lines[0]?.receiptRefs).toEqual(['R1', 'R2']);
    expect(r.lines[1]?.eventIds).toEqual(['E1', 'E2']);
  });

  it('counts, totals to the franc and the follow-up list', () => {
    const r = reconcileRound({
      planned: [planned('ok'), planned('unpaid'), planned('agency-only'), planned('short', 30_000)],
      declared: [
        declared('ok'),
        declared('agency-only'),
        declared('short', 30_000),
        declared('ghost'),
      ],
      observed: [observed('ok'), observed('short', 25_000)],
    });
    expect(r.counts).toEqual({
      paid_confirmed: 1,
      declared_not_observed: 1,
      observed_not_declared: 0,
      amount_mismatch: 1,
      unpaid: 1,
      not_on_paylist: 1,
    });
    expect(r.totals).toEqual({ plannedFcfa: 165_000, declaredFcfa: 165_000, observedFcfa: 70_000 });
    expect(r.followUp).toEqual([
      { householdId: 'unpaid', amountDueFcfa: 45_000, reason: 'unpaid', verifyFirst: false },
      {
        householdId: 'agency-only',
        amountDueFcfa: 45_000,
        reason: 'declared_not_observed',
        verifyFirst: true,
      },
      { householdId: 'short', amountDueFcfa: 5_000, reason: 'amount_mismatch', verifyFirst: true },
    ]);
    expect(r.lines.at(-1)).toMatchObject({ householdId: 'ghost', category: 'not_on_paylist' });
  });

  it('an overpaid household is a mismatch but owes nothing more', () => {
    const r = reconcileRound({
      planned: [planned('h')],
      declared: [declared('h', 50_000)],
      observed: [observed('h', 50_000)],
    });
    expect(r.lines[0]?.category).toBe('amount_mismatch');
    expect(r.followUp).toEqual([]);
  });
});
