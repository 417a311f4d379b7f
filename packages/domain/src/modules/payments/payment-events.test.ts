import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPayment, doublePayments, type PaymentEventFacts } from './payment-events';
import { drawSample, postDistributionSampleSize } from './post-distribution-sample';

const paid = (id: string, householdId: string, roundId = 'r1'): PaymentEventFacts => ({
  id,
  roundId,
  householdId,
  kind: 'paid',
  amountFcfa: 45_000,
});

describe('checkPayment: a second payment of a household in a round is stopped', () => {
  const next = { roundId: 'r1', householdId: 'h1', amountFcfa: 45_000, plannedFcfa: 45_000 };

  it('stops a second payment, names the first', () => {
    expect(checkPayment([paid('e1', 'h1')], next)).toMatchObject({
      ok: false,
      rule: 'payments.already_paid',
      paidEventId: 'e1',
    });
  });

  it('allows it in another round, for another household, or after a cancellation', () => {
    expect(checkPayment([paid('e1', 'h1', 'r0')], next)).toEqual({ ok: true });
    expect(checkPayment([paid('e1', 'h2')], next)).toEqual({ ok: true });
    const cancelled: PaymentEventFacts = {
      id: 'c1',
      roundId: 'r1',
      householdId: 'h1',
      kind: 'cancellation',
      cancels: 'e1',
    };
    expect(checkPayment([paid('e1', 'h1'), cancelled], next)).toEqual({ ok: true });
  });

  it('records an amount counted short as « Montant incomplet »', () => {
    expect(checkPayment([], { ...next, amountFcfa: 44_999 })).toEqual({
      ok: true,
      exception: 'amount_short',
    });
    expect(checkPayment([], next)).toEqual({ ok: true });
  });

  it('lists households paid twice after two tablets synced', () => {
    const events = [paid('a', 'h1'), paid('b', 'h1'), paid('c', 'h2'), paid('d', 'h1', 'r2')];
    expect(doublePayments(events, 'r1')).toEqual([{ householdId: 'h1', eventIds: ['a', 'b'] }]);
  });
});

describe('post-distribution check sample', () => {
  it('follows n = ceil(N·n0/(n0+N) × 1.5), capped at N', () => {
    // n0 = 1.96² · 0.25 / 0.05² = 384.16
    expect(postDistributionSampleSize(0)).toBe(0);
    expect(postDistributionSampleSize(10)).toBe(10);
    expect(postDistributionSampleSize(1000)).toBe(Math.ceil(((1000 * 384.16) / 1384.16) * 1.5));
    expect(postDistributionSampleSize(1000)).toBe(417);
    expect(postDistributionSampleSize(100_000)).toBe(575);
    expect(postDistributionSampleSize(1000, { margin: 0.1 })).toBe(132);
  });

  it('draws distinct households, reproducibly, whatever the reading order', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string({ minLength: 1, maxLength: 6 }), { maxLength: 80 }),
        fc.nat(100),
        fc.integer(),
        (ids, size, seed) => {
          const a = drawSample(ids, size, seed);
          expect(new Set(a).size).toBe(a.length);
          expect(a.length).toBe(Math.min(size, ids.length));
          expect(a.every((id) => ids.includes(id))).toBe(true);
          expect(drawSample([...ids].reverse(), size, seed)).toEqual(a);
        },
      ),
    );
  });
});
