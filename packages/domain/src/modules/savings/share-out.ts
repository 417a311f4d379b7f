import { standingEntries, type Bylaws, type LedgerEntry, loanStates } from './savings-ledger';

/**
 * The share-out at the end of a cycle: the loan fund counted (the social fund stays with the group)
 * is divided by the shares bought, each member receives her shares × the value of a share, and what
 * cannot be paid in whole francs is carried into the next cycle — so payouts + carry-over equal the
 * fund counted, to the franc.
 */
export type ShareOut = {
  totalShares: number;
  /** Whole FCFA per share: floor(fund ÷ shares). */
  shareValueFcfa: number;
  payouts: { memberId: string; shares: number; payoutFcfa: number }[];
  /** Francs left over by rounding down, carried into the next cycle's opening fund. */
  carryOverFcfa: number;
  fundCountedFcfa: number;
};

export function shareOut(input: {
  fundCountedFcfa: number;
  sharesByMember: Readonly<Record<string, number>>;
}): ShareOut {
  const { fundCountedFcfa } = input;
  if (!Number.isSafeInteger(fundCountedFcfa) || fundCountedFcfa < 0)
    throw new RangeError('fundCountedFcfa must be whole FCFA ≥ 0');
  const members = Object.entries(input.sharesByMember)
    .filter(([, s]) => s > 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const totalShares = members.reduce((n, [, s]) => n + s, 0);
  if (totalShares === 0)
    return {
      totalShares: 0,
      shareValueFcfa: 0,
      payouts: [],
      carryOverFcfa: fundCountedFcfa,
      fundCountedFcfa,
    };
  const shareValueFcfa = Math.floor(fundCountedFcfa / totalShares);
  const payouts = members.map(([memberId, shares]) => ({
    memberId,
    shares,
    payoutFcfa: shares * shareValueFcfa,
  }));
  const paid = payouts.reduce((n, p) => n + p.payoutFcfa, 0);
  return {
    totalShares,
    shareValueFcfa,
    payouts,
    carryOverFcfa: fundCountedFcfa - paid,
    fundCountedFcfa,
  };
}

/** Every member's shares over the cycle (standing entries only). */
export function cycleShares(entries: readonly LedgerEntry[]): Record<string, number> {
  const shares: Record<string, number> = {};
  for (const e of standingEntries(entries).entries)
    if (e.kind === 'shares') shares[e.memberId] = (shares[e.memberId] ?? 0) + e.shares;
  return shares;
}

/**
 * Reasons the share-out cannot happen yet: loans still owed (members repay before the box is opened,
 * or the group writes the loan off).
 */
export function shareOutBlockers(entries: readonly LedgerEntry[], bylaws: Bylaws): string[] {
  return loanStates(entries, bylaws)
    .filter((l) => l.balanceFcfa > 0)
    .map((l) => `Prêt ${l.loanId} : ${l.balanceFcfa} FCFA restent à rembourser.`);
}
