import { formatDateFr } from '../../common/format';
import { issue, type Issue, type RuleContext } from '../../rules/issue';
import {
  householdSize,
  LIVESTOCK_CONFIRM_ABOVE,
  rosterRules,
  type Household,
} from './ciblage-roster-rules';
import { gpsRules } from '../../rules/location-rules';

/** Rules of the ciblage household questionnaire. */
export function ciblageRules(h: Household, ctx: RuleContext): Issue[] {
  const out: Issue[] = [];
  if (h.interviewDate !== undefined && h.interviewDate > ctx.today) {
    out.push(
      issue(
        'interviewDate',
        'ciblage.interview_date_future',
        'error',
        `Date de l’entretien : ne peut pas être après aujourd’hui (${formatDateFr(h.interviewDate)} > ${formatDateFr(ctx.today)}).`,
      ),
    );
  }
  const campaign = ctx.settings.campaign;
  if (
    campaign &&
    h.interviewDate !== undefined &&
    (h.interviewDate < campaign.start || h.interviewDate > campaign.end)
  ) {
    out.push(
      issue(
        'interviewDate',
        'ciblage.interview_outside_campaign',
        'warning',
        `Date de l’entretien : en dehors de la campagne (du ${formatDateFr(campaign.start)} au ${formatDateFr(campaign.end)}).`,
      ),
    );
  }
  if (h.result === 'complete') out.push(...completeInterviewRules(h));
  else if (h.result !== undefined && h.consent?.given === true && h.result === 'refus') {
    out.push(
      issue(
        'consent.given',
        'ciblage.refusal_with_consent',
        'error',
        'Consentement : un ménage qui refuse ne peut pas avoir donné son consentement.',
      ),
    );
  }
  out.push(...rosterRules(h));
  out.push(...headIdRules(h));
  out.push(...gpsRules(h.gps));
  return out;
}

function completeInterviewRules(h: Household): Issue[] {
  const out: Issue[] = [];
  if (h.consent?.given !== true) {
    out.push(
      issue(
        'consent.given',
        'ciblage.consent_required',
        'error',
        'Consentement : obligatoire pour un entretien complété (sans consentement, l’entretien s’arrête).',
      ),
    );
  }
  if (householdSize(h) === 0) {
    out.push(
      issue(
        'members',
        'ciblage.roster_empty',
        'error',
        'Liste des membres : un entretien complété a au moins un membre.',
      ),
    );
  }
  const sections = [
    ['dwelling', 'Logement'],
    ['assets', 'Biens'],
    ['livestock', 'Cheptel'],
    ['land', 'Terres'],
    ['foodSecurity', 'Sécurité alimentaire'],
  ] as const;
  for (const [key, label] of sections) {
    if (h[key] === undefined)
      out.push(
        issue(
          key,
          'ciblage.section_required',
          'error',
          `${label} : section obligatoire pour un entretien complété.`,
        ),
      );
  }
  if (h.gps === undefined && h.gpsUnavailableReason === undefined) {
    out.push(
      issue(
        'gps',
        'ciblage.gps_or_reason',
        'error',
        'Position GPS : relevez le point ou indiquez pourquoi il manque.',
      ),
    );
  }
  const heads = (h.members ?? []).filter((m) => m.relationToHead === 'chef');
  if (householdSize(h) > 0 && heads.length !== 1) {
    out.push(
      issue(
        'members',
        'ciblage.head_count',
        'error',
        `Chef de ménage : il en faut exactement un (${heads.length} saisis).`,
      ),
    );
  }
  if (h.respondentMemberId === undefined) {
    out.push(
      issue(
        'respondentMemberId',
        'ciblage.respondent_required',
        'error',
        'Répondant : choisissez le membre qui répond.',
      ),
    );
  }
  for (const [key, value] of Object.entries(h.livestock ?? {})) {
    if (
      typeof value === 'number' &&
      value > LIVESTOCK_CONFIRM_ABOVE &&
      h.livestockConfirmed !== true
    ) {
      out.push(
        issue(
          `livestock.${key}`,
          'ciblage.livestock_to_confirm',
          'warning',
          `Cheptel : ${value} têtes, au-dessus de ${LIVESTOCK_CONFIRM_ABOVE} — à confirmer.`,
        ),
      );
    }
  }
  return out;
}

function headIdRules(h: Household): Issue[] {
  if (h.headIdType === undefined || h.headIdType === 'aucune') {
    return h.headIdType === 'aucune' && h.headIdNo !== undefined
      ? [
          issue(
            'headIdNo',
            'ciblage.head_id_no_without_type',
            'error',
            'Numéro de pièce du chef de ménage : à laisser vide quand le type est « Aucune ».',
          ),
        ]
      : [];
  }
  if (h.headIdNo === undefined)
    return [
      issue(
        'headIdNo',
        'ciblage.head_id_no_required',
        'error',
        'Numéro de pièce du chef de ménage : obligatoire quand un type de pièce est choisi.',
      ),
    ];
  if (h.headIdType === 'nina' && !/^\d{14}[A-Z]$/.test(h.headIdNo)) {
    return [
      issue(
        'headIdNo',
        'ciblage.head_nina_format',
        'error',
        'Numéro de pièce du chef de ménage : un NINA a 14 chiffres suivis d’une lettre.',
      ),
    ];
  }
  return [];
}
