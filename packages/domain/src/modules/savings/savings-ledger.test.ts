import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  loanInterestFcfa,
  loanStates,
  meetingSummary,
  standingEntries,
  type Bylaws,
  type LedgerEntry,
} from './savings-ledger';
import { cycleShares, shareOut, shareOutBlockers } from './share-out';

const bylaws: Bylaws = {
  shareValueFcfa: 500,
  maxSharesPerMeeting: 2,
  loanInterestPercentPerMonth: 10,
  maxLoanFcfa: 20_000,
  maxLoanMonths: 3,
  socialFundContributionFcfa: 100,
};

let n = 0;
type NewEntry = {
  [K in LedgerEntry['kind']]: Omit<Extract<LedgerEntry, { kind: K }>, 'id'>;
}[LedgerEntry['kind']];
const e = (entry: NewEntry): LedgerEntry => ({ id: `e${++n}`, ...entry });

describe('meetingSummary: the box counted against the ledger', () => {
  const m1: LedgerEntry[] = [
    e({ meetingId: 'm1', kind: 'shares', memberId: 'awa', shares: 2 }),
    e({ meetingId: 'm1', kind: 'shares', memberId: 'fanta', shares: 1 }),
    e({ meetingId: 'm1', kind: 'social_in', memberId: 'awa', amountFcfa: 100 }),
    e({ meetingId: 'm1', kind: 'social_in', memberId: 'fanta', amountFcfa: 100 }),
    e({ meetingId: 'm1', kind: 'closing_count', amountFcfa: 1_700 }),
  ];

  it('adds shares and social fund; a closing count that matches shows no difference', () => {
    const s = meetingSummary({
      meetingId: 'm1',
      bylaws,
      previousClosingFcfa: null,
      cycleEntries: m1,
    });
    expect(s).toMatchObject({
      savingsFcfa: 1_500,
      socialInFcfa: 200,
      expectedClosingFcfa: 1_700,
      closingDifferenceFcfa: 0,
      openingDifferenceFcfa: null,
      issues: [],
    });
  });

  it('flags an opening count that differs from the last closing, without correcting it', () => {
    const m2 = [
      ...m1,
      e({ meetingId: 'm2', kind: 'opening_count', amountFcfa: 1_650 }),
      e({ meetingId: 'm2', kind: 'closing_count', amountFcfa: 1_650 }),
    ];
    const s = meetingSummary({
      meetingId: 'm2',
      bylaws,
      previousClosingFcfa: 1_700,
      cycleEntries: m2,
    });
    expect(s.openingDifferenceFcfa).toBe(-50);
    // The expected closing starts from what was counted, not from what should have been there.
    expect(s.expectedClosingFcfa).toBe(1_650);
    expect(s.closingDifferenceFcfa).toBe(0);
  });

  it('lends, charges flat interest and tracks the balance before and after each repayment', () => {
    expect(loanInterestFcfa(10_000, 10, 3)).toBe(3_000);
    expect(loanInterestFcfa(3_333, 10, 1)).toBe(333);
    const entries = [
      e({ meetingId: 'm1', kind: 'opening_count', amountFcfa: 20_000 }),
      e({
        meetingId: 'm1',
        kind: 'loan',
        loanId: 'L1',
        memberId: 'awa',
        principalFcfa: 10_000,
        months: 3,
        purpose: 'petit commerce',
      }),
      e({ meetingId: 'm2', kind: 'repayment', loanId: 'L1', amountFcfa: 5_000 }),
      e({ meetingId: 'm3', kind: 'repayment', loanId: 'L1', amountFcfa: 8_000 }),
    ];
    const [loan] = loanStates(entries, bylaws);
    expect(loan).toMatchObject({ principalFcfa: 10_000, interestFcfa: 3_000, balanceFcfa: 0 });
    expect(loan?.repayments.map((r) => [r.beforeFcfa, r.afterFcfa])).toEqual([
      [13_000, 8_000],
      [8_000, 0],
    ]);
    const s1 = meetingSummary({
      meetingId: 'm1',
      bylaws,
      previousClosingFcfa: null,
      cycleEntries: entries,
    });
    expect(s1).toMatchObject({ loansOutFcfa: 10_000, expectedClosingFcfa: 10_000 });
  });

  it('flags what breaks the bylaws and an overpaid loan', () => {
    const entries = [
      e({ meetingId: 'm1', kind: 'opening_count', amountFcfa: 50_000 }),
      e({ meetingId: 'm1', kind: 'shares', memberId: 'awa', shares: 3 }),
      e({
        meetingId: 'm1',
        kind: 'loan',
        loanId: 'L2',
        memberId: 'fanta',
        principalFcfa: 25_000,
        months: 4,
        purpose: 'semences',
      }),
      e({ meetingId: 'm1', kind: 'repayment', loanId: 'L2', amountFcfa: 40_000 }),
    ];
    const s = meetingSummary({
      meetingId: 'm1',
      bylaws,
      previousClosingFcfa: null,
      cycleEntries: entries,
    });
    expect(s.issues.map((i) => i.rule).sort()).toEqual([
      'savings.loan_too_large',
      'savings.loan_too_long',
      'savings.overpaid',
      'savings.too_many_shares',
    ]);
  });

  it('undoes a mistake by a reversing entry, never by an edit', () => {
    const wrong = e({ meetingId: 'm1', kind: 'shares', memberId: 'awa', shares: 2 });
    const entries = [
      wrong,
      e({ meetingId: 'm1', kind: 'reversal', reverses: wrong.id, reason: 'erreur de saisie' }),
      e({ meetingId: 'm1', kind: 'shares', memberId: 'awa', shares: 1 }),
    ];
    const s = meetingSummary({
      meetingId: 'm1',
      bylaws,
      previousClosingFcfa: null,
      cycleEntries: entries,
    });
    expect(s.sharesByMember).toEqual({ awa: 1 });
    const bad = e({ meetingId: 'm1', kind: 'reversal', reverses: 'nope', reason: 'x' });
    expect(standingEntries([...entries, bad]).issues[0]?.rule).toBe('savings.bad_reversal');
  });

  it('merges two tablets’ entries by union, in any order, to the same summary', () => {
    const a = m1.slice(0, 3);
    const b = m1.slice(3);
    const one = meetingSummary({
      meetingId: 'm1',
      bylaws,
      previousClosingFcfa: null,
      cycleEntries: [...a, ...b],
    });
    const two = meetingSummary({
      meetingId: 'm1',
      bylaws,
      previousClosingFcfa: null,
      cycleEntries: [...b, ...a],
    });
    expect(two).toEqual(one);
  });
});

describe('shareOut: payouts + carry-over equal the fund, to the franc', () => {
  it('divides by shares and carries the odd francs', () => {
    const s = shareOut({
      fundCountedFcfa: 100_001,
      sharesByMember: { awa: 40, fanta: 30, kadi: 30 },
    });
    expect(s.shareValueFcfa).toBe(1_000);
    expect(s.payouts).toEqual([
      { memberId: 'awa', shares: 40, payoutFcfa: 40_000 },
      { memberId: 'fanta', shares: 30, payoutFcfa: 30_000 },
      { memberId: 'kadi', shares: 30, payoutFcfa: 30_000 },
    ]);
    expect(s.carryOverFcfa).toBe(1);
    expect(shareOut({ fundCountedFcfa: 500, sharesByMember: {} }).carryOverFcfa).toBe(500);
  });

  it('holds for any fund and any shares', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 50_000_000 }),
        fc.dictionary(fc.string({ minLength: 1, maxLength: 4 }), fc.integer({ min: 0, max: 200 })),
        (fund, shares) => {
          const s = shareOut({ fundCountedFcfa: fund, sharesByMember: shares });
          const paid = s.payouts.reduce((t, p) => t + p.payoutFcfa, 0);
          expect(paid + s.carryOverFcfa).toBe(fund);
          expect(s.carryOverFcfa).toBeGreaterThanOrEqual(0);
          if (s.totalShares > 0) expect(s.carryOverFcfa).toBeLessThan(s.totalShares);
          for (const p of s.payouts) expect(Number.isInteger(p.payoutFcfa)).toBe(true);
        },
      ),
    );
  });

  it('waits for loans to be repaid or written off', () => {
    const loan = e({
      meetingId: 'm1',
      kind: 'loan',
      loanId: 'L3',
      memberId: 'awa',
      principalFcfa: 5_000,
      months: 1,
      purpose: 'x',
    });
    expect(shareOutBlockers([loan], bylaws)).toEqual(['Prêt L3 : 5500 FCFA restent à rembourser.']);
    const off = e({ meetingId: 'm9', kind: 'write_off', loanId: 'L3', reason: 'départ' });
    expect(shareOutBlockers([loan, off], bylaws)).toEqual([]);
    expect(loanStates([loan, off], bylaws)[0]?.writtenOffFcfa).toBe(5_500);
    expect(
      cycleShares([e({ meetingId: 'm1', kind: 'shares', memberId: 'awa', shares: 2 }), loan]),
    ).toEqual({ awa: 2 });
  });
});
