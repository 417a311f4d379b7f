/**
 * The ledger of an EPC savings group (Saving for Change): what a meeting records and the arithmetic
 * over it, in integer FCFA. Entries are append-only — a mistake is undone by a reversing entry, never
 * an edit — so the facilitator's and the supervisor's tablets can both record a meeting and merge by
 * union without conflicts. Groups often keep no written records: the cash box is counted at the start
 * of each meeting against the last meeting's closing count, and a difference is flagged for the group
 * to explain, never silently corrected.
 */

export type Bylaws = {
  /** Value of one share (one « main »). */
  shareValueFcfa: number;
  /** Shares a member may buy at one meeting (some save two « mains »). */
  maxSharesPerMeeting: number;
  /** Flat interest per month on the principal, in percent (10 = 10 % per month). */
  loanInterestPercentPerMonth: number;
  maxLoanFcfa: number;
  maxLoanMonths: number;
  /** Each member's contribution to the social fund at a meeting (0 when the group has none). */
  socialFundContributionFcfa: number;
};

type Base = { id: string; meetingId: string };
export type LedgerEntry = Base &
  (
    | { kind: 'opening_count'; amountFcfa: number }
    | { kind: 'shares'; memberId: string; shares: number }
    | { kind: 'social_in'; memberId: string; amountFcfa: number }
    | { kind: 'social_out'; amountFcfa: number; reason: string }
    | {
        kind: 'loan';
        loanId: string;
        memberId: string;
        principalFcfa: number;
        months: number;
        purpose: string;
      }
    | { kind: 'repayment'; loanId: string; amountFcfa: number }
    | { kind: 'fine'; memberId: string; amountFcfa: number; reason: string }
    | { kind: 'write_off'; loanId: string; reason: string }
    | { kind: 'closing_count'; amountFcfa: number }
    | { kind: 'reversal'; reverses: string; reason: string }
  );

export type LedgerIssue = { rule: string; message: string; entryId?: string };

/**
 * The entries that stand: reversed entries and their reversals drop out. A reversal of a reversal,
 * or of an unknown entry, is an issue (the entry it names stands).
 */
export function standingEntries(entries: readonly LedgerEntry[]): {
  entries: LedgerEntry[];
  issues: LedgerIssue[];
} {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const reversed = new Set<string>();
  const issues: LedgerIssue[] = [];
  for (const e of entries) {
    if (e.kind !== 'reversal') continue;
    const target = byId.get(e.reverses);
    if (target === undefined || target.kind === 'reversal') {
      issues.push({
        rule: 'savings.bad_reversal',
        message: 'Une annulation doit viser une écriture existante (pas une autre annulation).',
        entryId: e.id,
      });
      continue;
    }
    reversed.add(target.id);
  }
  return {
    entries: entries.filter((e) => e.kind !== 'reversal' && !reversed.has(e.id)),
    issues,
  };
}

/** Flat interest on a loan: principal × rate × months, rounded to the franc. */
export function loanInterestFcfa(principalFcfa: number, percentPerMonth: number, months: number) {
  return Math.round((principalFcfa * percentPerMonth * months) / 100);
}

export type LoanState = {
  loanId: string;
  memberId: string;
  meetingId: string;
  principalFcfa: number;
  interestFcfa: number;
  repaidFcfa: number;
  /** principal + interest − repaid; 0 once written off. */
  balanceFcfa: number;
  writtenOffFcfa: number;
  /** Each repayment with the balance before and after it, in ledger order. */
  repayments: { entryId: string; amountFcfa: number; beforeFcfa: number; afterFcfa: number }[];
};

/** Every loan of the cycle from its standing entries, in the order loans were made. */
export function loanStates(entries: readonly LedgerEntry[], bylaws: Bylaws): LoanState[] {
  const loans = new Map<string, LoanState>();
  for (const e of standingEntries(entries).entries) {
    if (e.kind === 'loan')
      loans.set(e.loanId, {
        loanId: e.loanId,
        memberId: e.memberId,
        meetingId: e.meetingId,
        principalFcfa: e.principalFcfa,
        interestFcfa: loanInterestFcfa(
          e.principalFcfa,
          bylaws.loanInterestPercentPerMonth,
          e.months,
        ),
        repaidFcfa: 0,
        balanceFcfa: 0,
        writtenOffFcfa: 0,
        repayments: [],
      });
    const loan = 'loanId' in e ? loans.get(e.loanId) : undefined;
    if (loan === undefined) continue;
    const before = loan.principalFcfa + loan.interestFcfa - loan.repaidFcfa - loan.writtenOffFcfa;
    if (e.kind === 'repayment') {
      loan.repaidFcfa += e.amountFcfa;
      loan.repayments.push({
        entryId: e.id,
        amountFcfa: e.amountFcfa,
        beforeFcfa: before,
        afterFcfa: before - e.amountFcfa,
      });
    }
    if (e.kind === 'write_off') loan.writtenOffFcfa += before;
  }
  for (const l of loans.values())
    l.balanceFcfa = l.principalFcfa + l.interestFcfa - l.repaidFcfa - l.writtenOffFcfa;
  return [...loans.values()];
}

export type MeetingSummary = {
  openingCountFcfa: number | null;
  /** Opening count − last closing count: anything but 0 is for the group to explain. */
  openingDifferenceFcfa: number | null;
  sharesByMember: Record<string, number>;
  savingsFcfa: number;
  socialInFcfa: number;
  socialOutFcfa: number;
  loansOutFcfa: number;
  repaymentsFcfa: number;
  finesFcfa: number;
  /** What the box should hold at closing: opening (or last closing) + in − out. */
  expectedClosingFcfa: number;
  closingCountFcfa: number | null;
  closingDifferenceFcfa: number | null;
  issues: LedgerIssue[];
};

/**
 * One meeting's summary — the read-back given to the group — from the cycle's entries so far.
 * `previousClosingFcfa` is the last meeting's closing count (null for a cycle's first meeting).
 */
export function meetingSummary(input: {
  meetingId: string;
  bylaws: Bylaws;
  previousClosingFcfa: number | null;
  cycleEntries: readonly LedgerEntry[];
}): MeetingSummary {
  const { bylaws } = input;
  const standing = standingEntries(input.cycleEntries);
  const issues = [...standing.issues];
  const here = standing.entries.filter((e) => e.meetingId === input.meetingId);
  const sum = (kind: LedgerEntry['kind']) =>
    here.reduce((n, e) => n + (e.kind === kind && 'amountFcfa' in e ? e.amountFcfa : 0), 0);
  const last = <K extends LedgerEntry['kind']>(kind: K) =>
    here.filter((e): e is Extract<LedgerEntry, { kind: K }> => e.kind === kind).at(-1);

  const sharesByMember: Record<string, number> = {};
  for (const e of here)
    if (e.kind === 'shares')
      sharesByMember[e.memberId] = (sharesByMember[e.memberId] ?? 0) + e.shares;
  for (const [memberId, shares] of Object.entries(sharesByMember))
    if (shares > bylaws.maxSharesPerMeeting)
      issues.push({
        rule: 'savings.too_many_shares',
        message: `${shares} parts achetées par un membre : le règlement en permet ${bylaws.maxSharesPerMeeting} par réunion.`,
        entryId: memberId,
      });
  const savingsFcfa =
    Object.values(sharesByMember).reduce((n, s) => n + s, 0) * bylaws.shareValueFcfa;

  const loans = here.filter((e) => e.kind === 'loan');
  for (const l of loans) {
    if (l.principalFcfa > bylaws.maxLoanFcfa)
      issues.push({
        rule: 'savings.loan_too_large',
        message: `Prêt de ${l.principalFcfa} FCFA : le règlement plafonne les prêts à ${bylaws.maxLoanFcfa} FCFA.`,
        entryId: l.id,
      });
    if (l.months > bylaws.maxLoanMonths)
      issues.push({
        rule: 'savings.loan_too_long',
        message: `Prêt sur ${l.months} mois : le règlement permet ${bylaws.maxLoanMonths} mois au plus.`,
        entryId: l.id,
      });
  }
  const loansOutFcfa = loans.reduce((n, l) => n + l.principalFcfa, 0);
  for (const loan of loanStates(input.cycleEntries, bylaws))
    for (const r of loan.repayments)
      if (r.afterFcfa < 0 && here.some((e) => e.id === r.entryId))
        issues.push({
          rule: 'savings.overpaid',
          message: `Remboursement de ${r.amountFcfa} FCFA pour un solde de ${r.beforeFcfa} FCFA.`,
          entryId: r.entryId,
        });

  const opening = last('opening_count')?.amountFcfa ?? null;
  const closing = last('closing_count')?.amountFcfa ?? null;
  const start = opening ?? input.previousClosingFcfa ?? 0;
  const socialInFcfa = sum('social_in');
  const socialOutFcfa = sum('social_out');
  const repaymentsFcfa = sum('repayment');
  const finesFcfa = sum('fine');
  const expectedClosingFcfa =
    start + savingsFcfa + socialInFcfa - socialOutFcfa - loansOutFcfa + repaymentsFcfa + finesFcfa;
  if (expectedClosingFcfa < 0)
    issues.push({
      rule: 'savings.box_negative',
      message: 'La caisse ne peut pas donner plus qu’elle ne contient.',
    });
  return {
    openingCountFcfa: opening,
    openingDifferenceFcfa:
      opening === null || input.previousClosingFcfa === null
        ? null
        : opening - input.previousClosingFcfa,
    sharesByMember,
    savingsFcfa,
    socialInFcfa,
    socialOutFcfa,
    loansOutFcfa,
    repaymentsFcfa,
    finesFcfa,
    expectedClosingFcfa,
    closingCountFcfa: closing,
    closingDifferenceFcfa: closing === null ? null : closing - expectedClosingFcfa,
    issues,
  };
}
