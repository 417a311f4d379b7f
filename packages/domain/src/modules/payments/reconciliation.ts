import { labelledEnum } from '../../common/labelled-enum';

/**
 * Three-way reconciliation of a payment round: the approved paylist (planned), the agency's file of
 * declared payments, and the controllers' records at the sites (observed). Each household of the
 * paylist, and each household declared or observed without being on it, lands in exactly one
 * category; the unpaid and the disputed make the follow-up round's list.
 */

export const reconciliationCategories = labelledEnum({
  paid_confirmed: 'Payé et confirmé',
  declared_not_observed: 'Déclaré par l’agence, non constaté sur le site',
  observed_not_declared: 'Constaté sur le site, non déclaré par l’agence',
  amount_mismatch: 'Montants différents',
  unpaid: 'Non payé',
  not_on_paylist: 'Hors liste de paiement',
});
export type ReconciliationCategory = (typeof reconciliationCategories.codes)[number];

export type PlannedLine = { householdId: string; amountFcfa: number };
/** One row of the agency's file; every row carries the agency's receipt reference. */
export type DeclaredPayment = { householdId: string; amountFcfa: number; receiptRef: string };
/** A controller's record of a household paid at the site (exceptions carry no amount paid). */
export type ObservedPayment = { householdId: string; amountFcfa: number; eventId: string };

export type ReconciliationLine = {
  householdId: string;
  category: ReconciliationCategory;
  plannedFcfa: number | null;
  declaredFcfa: number | null;
  observedFcfa: number | null;
  /** Agency rows for the household (more than one is itself a discrepancy). */
  receiptRefs: string[];
  /** Controller events for the household (more than one is a double payment to look at). */
  eventIds: string[];
};

export type FollowUpLine = {
  householdId: string;
  /** Still owed: the planned amount less what was seen paid (declared alone is not enough). */
  amountDueFcfa: number;
  reason: ReconciliationCategory;
  /** Disputed lines (declared but not seen, differing amounts) are verified before being paid. */
  verifyFirst: boolean;
};

export type Reconciliation = {
  lines: ReconciliationLine[];
  counts: Record<ReconciliationCategory, number>;
  totals: { plannedFcfa: number; declaredFcfa: number; observedFcfa: number };
  followUp: FollowUpLine[];
};

function sumBy<T>(rows: readonly T[], key: (row: T) => string, amount: (row: T) => number) {
  const sums = new Map<string, { amount: number; rows: T[] }>();
  for (const row of rows) {
    const k = key(row);
    const s = sums.get(k) ?? { amount: 0, rows: [] };
    s.amount += amount(row);
    s.rows.push(row);
    sums.set(k, s);
  }
  return sums;
}

function categoryOf(
  planned: number | null,
  declared: number | null,
  observed: number | null,
  declaredRows: number,
  observedRows: number,
): ReconciliationCategory {
  if (planned === null) return 'not_on_paylist';
  if (declared === null && observed === null) return 'unpaid';
  if (declared !== null && observed === null) return 'declared_not_observed';
  if (declared === null && observed !== null) return 'observed_not_declared';
  // Both sides speak: every amount must agree, and each side must have one row only.
  if (declared !== planned || observed !== planned || declaredRows > 1 || observedRows > 1)
    return 'amount_mismatch';
  return 'paid_confirmed';
}

/** Reconciles one round; lines follow the paylist's order, then households not on it by id. */
export function reconcileRound(input: {
  planned: readonly PlannedLine[];
  declared: readonly DeclaredPayment[];
  observed: readonly ObservedPayment[];
}): Reconciliation {
  const planned = new Map(input.planned.map((p) => [p.householdId, p.amountFcfa]));
  const declared = sumBy(
    input.declared,
    (d) => d.householdId,
    (d) => d.amountFcfa,
  );
  const observed = sumBy(
    input.observed,
    (o) => o.householdId,
    (o) => o.amountFcfa,
  );
  const extra = [...new Set([...declared.keys(), ...observed.keys()])]
    .filter((id) => !planned.has(id))
    .sort();
  const ids = [...planned.keys(), ...extra];
  const counts = Object.fromEntries(reconciliationCategories.codes.map((c) => [c, 0])) as Record<
    ReconciliationCategory,
    number
  >;
  const lines: ReconciliationLine[] = [];
  const followUp: FollowUpLine[] = [];
  for (const householdId of ids) {
    const p = planned.get(householdId) ?? null;
    const d = declared.get(householdId);
    const o = observed.get(householdId);
    const category = categoryOf(
      p,
      d?.amount ?? null,
      o?.amount ?? null,
      d?.rows.length ?? 0,
      o?.rows.length ?? 0,
    );
    counts[category] += 1;
    lines.push({
      householdId,
      category,
      plannedFcfa: p,
      declaredFcfa: d?.amount ?? null,
      observedFcfa: o?.amount ?? null,
      receiptRefs: d?.rows.map((r) => r.receiptRef) ?? [],
      eventIds: o?.rows.map((r) => r.eventId) ?? [],
    });
    if (p === null || category === 'paid_confirmed') continue;
    const due = p - (o?.amount ?? 0);
    if (due <= 0 && category !== 'declared_not_observed') continue;
    followUp.push({
      householdId,
      amountDueFcfa: Math.max(0, due),
      reason: category,
      verifyFirst: category !== 'unpaid',
    });
  }
  const sum = (m: Map<string, { amount: number }>) =>
    [...m.values()].reduce((n, s) => n + s.amount, 0);
  return {
    lines,
    counts,
    totals: {
      plannedFcfa: input.planned.reduce((n, p) => n + p.amountFcfa, 0),
      declaredFcfa: sum(declared),
      observedFcfa: sum(observed),
    },
    followUp,
  };
}
