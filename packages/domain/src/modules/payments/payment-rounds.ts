import { labelledEnum } from '../../common/labelled-enum';

/**
 * A commune's payment round and the rules of its life: the states mature systems use (openIMIS
 * payrolls, Merankabandi's commune schedules), maker-checker approval, and rounds reconciled in turn.
 * Pure: the caller passes the round, the commune's other rounds and who acts; the answer is the new
 * state or the rule that refuses, with a French message.
 */

export const roundTypes = labelledEnum({
  regular: 'Paiement régulier',
  follow_up: 'Paiement de rattrapage (non payés du cycle précédent)',
  emergency: 'Complément d’urgence (réponse aux chocs)',
});
export type RoundType = (typeof roundTypes.codes)[number];

export const roundStates = labelledEnum({
  planning: 'En préparation',
  generated: 'Liste générée',
  approved: 'Liste approuvée',
  in_payment: 'En paiement',
  reconciled: 'Rapproché',
  closed: 'Clôturé',
});
export type RoundState = (typeof roundStates.codes)[number];

export type RoundAction =
  'generate' | 'regenerate' | 'approve' | 'start_payment' | 'reconcile' | 'close';

/** What the rules read of a round. */
export type RoundFacts = {
  id: string;
  communeId: string;
  /** Order of the round within its commune (1, 2, …); follow-up rounds take their own number. */
  number: number;
  state: RoundState;
  /** Who generated the paylist in its current form. */
  generatedBy?: string | undefined;
};

export type RoundTransition =
  { ok: true; state: RoundState } | { ok: false; rule: RoundRule; message: string };

export type RoundRule =
  | 'payments.wrong_state'
  | 'payments.self_approval'
  | 'payments.previous_round_open'
  | 'payments.not_generated_by_anyone';

const from: Record<RoundAction, { states: readonly RoundState[]; to: RoundState }> = {
  generate: { states: ['planning'], to: 'generated' },
  // A generated list not yet approved can be drawn up again (register corrected meanwhile).
  regenerate: { states: ['generated'], to: 'generated' },
  approve: { states: ['generated'], to: 'approved' },
  start_payment: { states: ['approved'], to: 'in_payment' },
  reconcile: { states: ['in_payment'], to: 'reconciled' },
  close: { states: ['reconciled'], to: 'closed' },
};

const actionLabels: Record<RoundAction, string> = {
  generate: 'générer la liste',
  regenerate: 'générer de nouveau la liste',
  approve: 'approuver la liste',
  start_payment: 'ouvrir le paiement',
  reconcile: 'rapprocher le cycle',
  close: 'clôturer le cycle',
};

/** Rounds whose reconciliation is done: a later round of the commune may then be approved. */
const settled: readonly RoundState[] = ['reconciled', 'closed'];

/**
 * The state after `action` by `actorId`, or why it is refused. `communeRounds` are the commune's
 * rounds (this one may be among them). Approval is maker-checker: whoever generated the list in its
 * current form cannot approve it. A round is approved only when every earlier round of its commune
 * (lower number) is reconciled or closed, so two rounds' money is never out at once.
 */
export function roundTransition(
  round: RoundFacts,
  action: RoundAction,
  actorId: string,
  communeRounds: readonly RoundFacts[],
): RoundTransition {
  const rule = from[action];
  if (!rule.states.includes(round.state))
    return {
      ok: false,
      rule: 'payments.wrong_state',
      message: `Impossible de ${actionLabels[action]} : le cycle est « ${roundStates.labels[round.state]} ».`,
    };
  if (action === 'approve') {
    if (round.generatedBy === undefined)
      return {
        ok: false,
        rule: 'payments.not_generated_by_anyone',
        message: 'La liste de paiement n’a pas d’auteur enregistré : générez-la de nouveau.',
      };
    if (round.generatedBy === actorId)
      return {
        ok: false,
        rule: 'payments.self_approval',
        message:
          'La personne qui a généré la liste de paiement ne peut pas l’approuver : une deuxième personne doit le faire.',
      };
    const open = communeRounds
      .filter((r) => r.communeId === round.communeId && r.id !== round.id)
      .filter((r) => r.number < round.number && !settled.includes(r.state))
      .sort((a, b) => a.number - b.number)[0];
    if (open !== undefined)
      return {
        ok: false,
        rule: 'payments.previous_round_open',
        message: `Le cycle n° ${open.number} de la commune n’est pas encore rapproché : rapprochez-le avant d’approuver le cycle n° ${round.number}.`,
      };
  }
  return { ok: true, state: rule.to };
}

/** Whether a round's paylist is frozen (approved or later): register changes then show as differences. */
export function isPaylistFrozen(state: RoundState): boolean {
  return state !== 'planning' && state !== 'generated';
}
