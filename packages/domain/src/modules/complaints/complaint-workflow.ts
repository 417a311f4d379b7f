import { labelledEnum } from '../../common/labelled-enum';

/**
 * The life of a complaint: received → acknowledged → assigned → under investigation → decided →
 * answered → closed, with reopening and appeals (a linked case). A decision is required before the
 * answer, and the answer — given through the channel the complaint came by, with the person's reaction
 * and satisfaction — before closing.
 */

export const complaintStates = labelledEnum({
  received: 'Reçue',
  acknowledged: 'Accusé de réception donné',
  assigned: 'Assignée',
  investigating: 'En cours d’examen',
  decided: 'Décision prise',
  answered: 'Réponse donnée',
  closed: 'Clôturée',
});
export type ComplaintState = (typeof complaintStates.codes)[number];

export const complaintDecisions = labelledEnum({
  upheld: 'Fondée',
  partly_upheld: 'Partiellement fondée',
  rejected: 'Non fondée',
  withdrawn: 'Retirée',
  redirected: 'Réorientée',
});
export type ComplaintDecision = (typeof complaintDecisions.codes)[number];

export const complaintChannels = labelledEnum({
  in_person: 'En personne',
  phone: 'Téléphone ou numéro vert',
  sms: 'SMS',
  letter: 'Courrier',
  suggestion_box: 'Boîte à suggestions',
  village_committee: 'Comité villageois',
});
export type ComplaintChannel = (typeof complaintChannels.codes)[number];

export const satisfactionLevels = labelledEnum({
  satisfied: 'Satisfait',
  partly: 'Partiellement satisfait',
  not_satisfied: 'Pas satisfait',
  unknown: 'Non exprimé',
});

export type ComplaintAction =
  | { kind: 'acknowledge' }
  | { kind: 'assign'; assigneeId: string }
  | { kind: 'start_investigation' }
  | { kind: 'decide'; decision: ComplaintDecision; reason: string }
  | {
      kind: 'answer';
      channel: ComplaintChannel;
      reaction: string;
      satisfaction: (typeof satisfactionLevels.codes)[number];
    }
  | { kind: 'close' }
  | { kind: 'reopen'; reason: string };

export type ComplaintFacts = {
  state: ComplaintState;
  channel: ComplaintChannel;
  decision?: ComplaintDecision | undefined;
  /** Anonymous complainants cannot be answered in person: the answer is posted to the channel. */
  anonymous: boolean;
};

export type WorkflowAnswer =
  { ok: true; state: ComplaintState } | { ok: false; rule: string; message: string };

const allowed: Record<ComplaintAction['kind'], readonly ComplaintState[]> = {
  acknowledge: ['received'],
  assign: ['received', 'acknowledged', 'assigned', 'investigating'],
  start_investigation: ['assigned'],
  decide: ['investigating'],
  answer: ['decided'],
  close: ['answered'],
  reopen: ['closed', 'answered', 'decided'],
};

const target: Record<ComplaintAction['kind'], ComplaintState> = {
  acknowledge: 'acknowledged',
  assign: 'assigned',
  start_investigation: 'investigating',
  decide: 'decided',
  answer: 'answered',
  close: 'closed',
  reopen: 'investigating',
};

const refusals: Partial<Record<ComplaintAction['kind'], string>> = {
  decide: 'Une décision se prend après examen de la plainte.',
  answer: 'La réponse au plaignant suit la décision : enregistrez d’abord la décision.',
  close: 'Une plainte se clôture après la réponse donnée au plaignant.',
};

/** The state after `action`, or the rule that refuses it (French message). */
export function complaintTransition(c: ComplaintFacts, action: ComplaintAction): WorkflowAnswer {
  if (!allowed[action.kind].includes(c.state))
    return {
      ok: false,
      rule: 'complaints.wrong_state',
      message:
        refusals[action.kind] ??
        `Action impossible : la plainte est « ${complaintStates.labels[c.state]} ».`,
    };
  if (action.kind === 'decide' && action.reason.trim() === '')
    return {
      ok: false,
      rule: 'complaints.decision_reason',
      message: 'Motif de la décision : obligatoire.',
    };
  if (action.kind === 'reopen' && action.reason.trim() === '')
    return {
      ok: false,
      rule: 'complaints.reopen_reason',
      message: 'Motif de la réouverture : obligatoire.',
    };
  if (action.kind === 'answer' && action.channel !== c.channel && !c.anonymous)
    return {
      ok: false,
      rule: 'complaints.answer_channel',
      message: `La réponse passe par le canal de la plainte (« ${complaintChannels.labels[c.channel]} »).`,
    };
  return { ok: true, state: target[action.kind] };
}

/** An appeal is a new case linked to the decided one, received at the next level up. */
export function canAppeal(c: ComplaintFacts): boolean {
  return (c.state === 'answered' || c.state === 'closed') && c.decision !== undefined;
}
