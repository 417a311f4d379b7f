import { ageInYears } from '../../common/dates';
import type { CiblageHousehold, HouseholdMember } from './ciblage-household';
import { fieldLabels } from '../../rules/field-labels';
import { issue, years, type Draft, type Issue } from '../../rules/issue';
import { notApplicableAnswers, type PersonQuestion } from '../../rules/person-questions';

/** The roster's questions asked by age and sex (`questionApplies`). */
const memberQuestions: readonly PersonQuestion[] = [
  'maritalStatus',
  'attendsSchool',
  'highestLevel',
  'mainActivity',
  'pregnant',
];

export type Household = Draft<CiblageHousehold>;
export type Member = Draft<HouseholdMember>;

/** Minimum age of a head of household (error below), and the adult age (warning below). */
export const HEAD_MIN_AGE = 12;
export const HEAD_ADULT_AGE = 18;
/** Youngest respondent accepted. */
export const RESPONDENT_MIN_AGE = 15;
/** A mother is at least this many years older than her child. */
export const MOTHER_CHILD_MIN_GAP = 12;
/** Livestock counts above this are asked to be confirmed. */
export const LIVESTOCK_CONFIRM_ABOVE = 500;
/** Absent more than this many months of the last 12: no longer a member (INSTAT rule). */
export const ABSENCE_MAX_MONTHS = 6;

/** Number of people in the household: the roster lines (the PMT's household size). */
export function householdSize(household: { members?: readonly unknown[] | undefined }): number {
  return household.members?.length ?? 0;
}

/** A member's age in completed years at the interview: from the date of birth if known, else the age given. */
export function memberAge(member: Member, interviewDate: string | undefined): number | undefined {
  if (member.dob !== undefined && interviewDate !== undefined)
    return ageInYears(member.dob, interviewDate);
  return member.ageYears;
}

export function memberLabel(m: Member): string {
  return `membre n°${m.memberNo ?? '?'}`;
}

/** Rules of the roster: one line per member, and the respondent. */
export function rosterRules(h: Household): Issue[] {
  const out: Issue[] = [];
  const members = h.members ?? [];
  const byId = new Map(members.filter((m) => m.id !== undefined).map((m) => [m.id, m]));
  const head = members.find((m) => m.relationToHead === 'chef');
  const seenNos = new Set<number>();
  for (const m of members) {
    const p = `members.${m.id ?? '?'}`;
    const age = memberAge(m, h.interviewDate);
    if (m.memberNo !== undefined) {
      if (seenNos.has(m.memberNo))
        out.push(
          issue(
            `${p}.memberNo`,
            'ciblage.member_no_duplicate',
            'error',
            `Numéro de membre : le n°${m.memberNo} est utilisé deux fois.`,
          ),
        );
      seenNos.add(m.memberNo);
    }
    if (m.dob === undefined && m.ageYears === undefined) {
      out.push(
        issue(
          `${p}.ageYears`,
          'ciblage.member_age_required',
          'error',
          `Âge (${memberLabel(m)}) : indiquez la date de naissance ou l’âge.`,
        ),
      );
    }
    if (m.dob !== undefined && h.interviewDate !== undefined && m.dob > h.interviewDate) {
      out.push(
        issue(
          `${p}.dob`,
          'ciblage.dob_after_interview',
          'error',
          `Date de naissance (${memberLabel(m)}) : après la date de l’entretien.`,
        ),
      );
    }
    if (m.dob !== undefined && age !== undefined && age > 110) {
      out.push(
        issue(
          `${p}.dob`,
          'ciblage.member_age_max',
          'error',
          `Date de naissance (${memberLabel(m)}) : âge de ${years(age)}, au-delà de 110 ans.`,
        ),
      );
    }
    if (m.dob !== undefined && m.dobPrecision === undefined) {
      out.push(
        issue(
          `${p}.dobPrecision`,
          'ciblage.dob_precision_required',
          'error',
          `Précision de la date de naissance (${memberLabel(m)}) : obligatoire quand une date est saisie.`,
        ),
      );
    }
    if (m.relationToHead === 'chef' && age !== undefined) {
      const agePath = m.dob !== undefined ? `${p}.dob` : `${p}.ageYears`;
      if (age < HEAD_MIN_AGE) {
        out.push(
          issue(
            agePath,
            'ciblage.head_age_min',
            'error',
            `Âge du chef de ménage : doit être d’au moins ${HEAD_MIN_AGE} ans (âge saisi : ${years(age)}).`,
          ),
        );
      } else if (age < HEAD_ADULT_AGE) {
        out.push(
          issue(
            agePath,
            'ciblage.head_age_minor',
            'warning',
            `Âge du chef de ménage : moins de ${HEAD_ADULT_AGE} ans (${years(age)}) — à vérifier.`,
          ),
        );
      }
    }
    if (m.relationToHead === 'conjoint' && head?.sex === 'M' && m.sex === 'M') {
      out.push(
        issue(
          `${p}.sex`,
          'ciblage.spouse_sex',
          'warning',
          `Sexe (${memberLabel(m)}) : conjoint d’un chef de ménage homme saisi comme homme — à vérifier.`,
        ),
      );
    }
    const married =
      m.maritalStatus !== undefined &&
      ['marie_monogame', 'marie_polygame', 'union_libre'].includes(m.maritalStatus);
    if (married && age !== undefined && age < 15) {
      out.push(
        issue(
          `${p}.maritalStatus`,
          'ciblage.married_under_15',
          'warning',
          `Situation matrimoniale (${memberLabel(m)}) : marié(e) à ${years(age)}, moins de 15 ans — à vérifier.`,
        ),
      );
    }
    out.push(
      ...notApplicableAnswers({
        person: { sex: m.sex, age },
        answers: m,
        fields: Object.fromEntries(
          memberQuestions.map((q) => [q, { path: `${p}.${q}`, label: fieldLabels[q] ?? q }]),
        ),
        rule: (q) =>
          q === 'pregnant' ? 'ciblage.pregnancy_implausible' : 'ciblage.question_not_applicable',
        whom: memberLabel(m),
      }),
    );
    if (m.absentMonths12m !== undefined && m.absentMonths12m > ABSENCE_MAX_MONTHS) {
      out.push(
        issue(
          `${p}.absentMonths12m`,
          'ciblage.member_absent_too_long',
          'warning',
          `Mois d’absence (${memberLabel(m)}) : plus de ${ABSENCE_MAX_MONTHS} mois sur 12, ce n’est plus un membre du ménage.`,
        ),
      );
    }
    const mother =
      m.motherMemberId !== undefined
        ? byId.get(m.motherMemberId)
        : m.relationToHead === 'enfant' && head?.sex === 'F'
          ? head
          : undefined;
    const motherAge = mother ? memberAge(mother, h.interviewDate) : undefined;
    if (
      mother &&
      age !== undefined &&
      motherAge !== undefined &&
      motherAge - age < MOTHER_CHILD_MIN_GAP
    ) {
      out.push(
        issue(
          `${p}.${m.dob !== undefined ? 'dob' : 'ageYears'}`,
          'ciblage.mother_child_age_gap',
          'warning',
          `Âge (${memberLabel(m)}) : la mère (${memberLabel(mother)}, ${years(motherAge)}) doit avoir au moins ${MOTHER_CHILD_MIN_GAP} ans de plus que l’enfant (${years(age)}).`,
        ),
      );
    }
  }
  if (h.respondentMemberId !== undefined && members.length > 0) {
    const r = byId.get(h.respondentMemberId);
    const rAge = r ? memberAge(r, h.interviewDate) : undefined;
    if (!r)
      out.push(
        issue(
          'respondentMemberId',
          'ciblage.respondent_not_member',
          'error',
          'Répondant : doit être un membre de la liste du ménage.',
        ),
      );
    else if (rAge !== undefined && rAge < RESPONDENT_MIN_AGE) {
      out.push(
        issue(
          'respondentMemberId',
          'ciblage.respondent_min_age',
          'error',
          `Répondant : doit avoir au moins ${RESPONDENT_MIN_AGE} ans (${memberLabel(r)} a ${years(rAge)}).`,
        ),
      );
    }
  }
  return out;
}
