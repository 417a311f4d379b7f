import { labelledEnum } from '../../common/labelled-enum';

/**
 * What a payment controller records at the site. Payment events are append-only: a household paid is
 * one event, an exception is another, a mistake is corrected by a cancelling event — never an edit —
 * so two controllers' tablets never overwrite each other and a double payment stays visible.
 */

export const collectorKinds = labelledEnum({
  titulaire: 'Titulaire',
  suppleant: 'Suppléant(e)',
  mandataire: 'Mandataire (avec pièce d’identité)',
});
export type CollectorKind = (typeof collectorKinds.codes)[number];

export const paymentExceptions = labelledEnum({
  absent: 'Absent',
  deceased: 'Décédé',
  identity_mismatch: 'Identité non conforme',
  not_on_list: 'Absent de la liste',
  already_paid: 'Déjà payé',
  amount_short: 'Montant incomplet',
  fee_demanded: 'Frais exigés',
  refused: 'Refus',
  agency_absent: 'Agence absente',
});
export type PaymentException = (typeof paymentExceptions.codes)[number];

/** Exceptions that open a complaint on the spot when the controller asks (the tablet offers it). */
export const exceptionsSuggestingComplaint: readonly PaymentException[] = [
  'amount_short',
  'fee_demanded',
  'already_paid',
  'agency_absent',
  'not_on_list',
];
/** Exceptions that suggest replacing the recipient (a change request on the register). */
export const exceptionsSuggestingReplacement: readonly PaymentException[] = [
  'deceased',
  'identity_mismatch',
];

export type PaymentEventFacts = {
  id: string;
  roundId: string;
  householdId: string;
  kind: 'paid' | 'exception' | 'cancellation';
  /** For a cancellation: the event it cancels. */
  cancels?: string | undefined;
  amountFcfa?: number | undefined;
};

/** The paid events of a household in a round that no cancellation has undone. */
export function standingPayments(
  events: readonly PaymentEventFacts[],
  roundId: string,
  householdId: string,
): PaymentEventFacts[] {
  const mine = events.filter((e) => e.roundId === roundId && e.householdId === householdId);
  const cancelled = new Set(mine.filter((e) => e.kind === 'cancellation').map((e) => e.cancels));
  return mine.filter((e) => e.kind === 'paid' && !cancelled.has(e.id));
}

export type PaymentCheck =
  | { ok: true; exception?: PaymentException | undefined }
  | { ok: false; rule: 'payments.already_paid'; message: string; paidEventId: string };

/**
 * Checks a payment about to be recorded: a household already paid in the round is stopped (the
 * controller records « Déjà payé » instead); an amount counted below the planned one is recorded
 * with the « Montant incomplet » exception rather than as a full payment.
 */
export function checkPayment(
  events: readonly PaymentEventFacts[],
  next: { roundId: string; householdId: string; amountFcfa: number; plannedFcfa: number },
): PaymentCheck {
  const [paid] = standingPayments(events, next.roundId, next.householdId);
  if (paid !== undefined)
    return {
      ok: false,
      rule: 'payments.already_paid',
      message: 'Ce ménage a déjà été payé pour ce cycle : enregistrez « Déjà payé » si besoin.',
      paidEventId: paid.id,
    };
  if (!Number.isSafeInteger(next.amountFcfa) || next.amountFcfa < 0)
    throw new RangeError('amountFcfa must be whole FCFA ≥ 0');
  return next.amountFcfa < next.plannedFcfa
    ? { ok: true, exception: 'amount_short' }
    : { ok: true };
}

/**
 * Households paid more than once in a round after the tablets synced (two controllers paying the
 * same household): what the supervisor is shown as a conflict. Sorted by household id.
 */
export function doublePayments(
  events: readonly PaymentEventFacts[],
  roundId: string,
): { householdId: string; eventIds: string[] }[] {
  const households = [
    ...new Set(events.filter((e) => e.roundId === roundId).map((e) => e.householdId)),
  ];
  return households
    .map((householdId) => ({
      householdId,
      eventIds: standingPayments(events, roundId, householdId).map((e) => e.id),
    }))
    .filter((d) => d.eventIds.length > 1)
    .sort((a, b) => (a.householdId < b.householdId ? -1 : a.householdId > b.householdId ? 1 : 0));
}
