import { addMonths, monthOf, monthRange, type MonthKey } from './payment-months';

/**
 * What one household is owed in one payment round, in integer FCFA (XOF has no minor unit).
 *
 * The programme pays a monthly amount (15 000 FCFA, a setting) for each month of participation
 * (36 months, a setting), a few months at a time. A household is owed a month when the month lies in
 * its participation — from its enrolment month, for `participationMonths` months — and no earlier
 * round has paid it. Months of its participation before the round's first month that were never paid
 * (a household enrolled after earlier rounds were drawn up) are arrears, paid with this round. A
 * top-up (component 4's shock response) is a fixed amount per household on top. Months already paid
 * are never owed again, so a follow-up round drawn from the same rule cannot pay a month twice.
 */
export type RoundAmountInput = {
  monthlyAmountFcfa: number;
  round: {
    /** First month the round covers. */
    firstMonth: MonthKey;
    /** Months the round covers (2 or 3 for a regular round). */
    monthsCovered: number;
    /** Fixed amount per household on top of the months (emergency top-up), 0 when none. */
    topUpFcfa?: number | undefined;
    /** Whether never-paid earlier months of participation are paid with this round. */
    paysArrears?: boolean | undefined;
  };
  household: {
    /** Enrolment date `YYYY-MM-DD`: participation starts in its month. */
    enrolledOn: string;
    /** Length of participation in months (settings: 36). */
    participationMonths: number;
    /** Months already paid to the household by earlier rounds. */
    paidMonths?: readonly MonthKey[] | undefined;
    /** Exit date, when the household has left: no month after its month is owed. */
    exitedOn?: string | undefined;
  };
};

export type RoundAmount = {
  /** Months of this round owed to the household, in order. */
  months: MonthKey[];
  /** Earlier months of participation never paid, owed as arrears, in order. */
  arrearsMonths: MonthKey[];
  regularFcfa: number;
  arrearsFcfa: number;
  topUpFcfa: number;
  /** regular + arrears + top-up: the amount on the paylist line. */
  totalFcfa: number;
};

function assertWholeFcfa(name: string, value: number): void {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a whole, non-negative FCFA amount (got ${value})`);
}

/** The months of a household's participation (enrolment month first), cut at its exit month. */
export function participationMonths(household: RoundAmountInput['household']): MonthKey[] {
  const months = monthRange(monthOf(household.enrolledOn), household.participationMonths);
  if (household.exitedOn === undefined) return months;
  const lastOwed = monthOf(household.exitedOn);
  return months.filter((m) => m <= lastOwed);
}

/** The household's amount for the round; see {@link RoundAmountInput}. */
export function householdRoundAmount(input: RoundAmountInput): RoundAmount {
  const { monthlyAmountFcfa, round, household } = input;
  assertWholeFcfa('monthlyAmountFcfa', monthlyAmountFcfa);
  const topUp = round.topUpFcfa ?? 0;
  assertWholeFcfa('topUpFcfa', topUp);
  const paid = new Set(household.paidMonths ?? []);
  const participation = participationMonths(household);
  const roundMonths = new Set(monthRange(round.firstMonth, round.monthsCovered));
  const months = participation.filter((m) => roundMonths.has(m) && !paid.has(m));
  const arrearsMonths =
    round.paysArrears === false
      ? []
      : participation.filter((m) => m < round.firstMonth && !paid.has(m));
  const regularFcfa = months.length * monthlyAmountFcfa;
  const arrearsFcfa = arrearsMonths.length * monthlyAmountFcfa;
  // A top-up goes to households still participating during the round, not to those whose months
  // are all behind them.
  const topUpFcfa = months.length > 0 || participatesDuring(participation, roundMonths) ? topUp : 0;
  return {
    months,
    arrearsMonths,
    regularFcfa,
    arrearsFcfa,
    topUpFcfa,
    totalFcfa: regularFcfa + arrearsFcfa + topUpFcfa,
  };
}

function participatesDuring(participation: readonly MonthKey[], roundMonths: Set<MonthKey>) {
  return participation.some((m) => roundMonths.has(m));
}

/** The month after the last month of participation: the planned end of a household's 36 months. */
export function plannedEndMonth(enrolledOn: string, participationMonths: number): MonthKey {
  return addMonths(monthOf(enrolledOn), participationMonths);
}

/** Sum of amounts, checked to stay whole FCFA (a paylist's total, a site's total). */
export function totalFcfa(amounts: readonly number[]): number {
  let total = 0;
  for (const a of amounts) {
    assertWholeFcfa('amount', a);
    total += a;
  }
  if (!Number.isSafeInteger(total)) throw new RangeError('total exceeds safe integer range');
  return total;
}
