import { z } from 'zod';
import { labelledEnum } from '../../common/labelled-enum';
import { memberAge } from '../ciblage/ciblage-roster-rules';
import type { AnyRecordData } from '../module-descriptor';

// The register of beneficiary households: a household the assembly validated becomes enrolled for a
// number of months (programme settings, 36 by default), with a titulaire (who receives the transfer,
// usually a woman) and a suppléant chosen from its roster. Pure rules; the server keeps the rows.

/** Months of participation when the settings do not say. */
export const DEFAULT_ENROLMENT_MONTHS = 36;
/** Youngest titulaire or suppléant. */
export const RECIPIENT_MIN_AGE = 18;

export const enrolmentState = labelledEnum({
  enrolled: 'Inscrit',
  suspended: 'Suspendu',
  exited: 'Sorti',
});
export type EnrolmentStateCode = (typeof enrolmentState.codes)[number];

export const exitReason = labelledEnum({
  fin_participation: 'Fin de participation',
  deces_sans_remplacant: 'Décès sans remplaçant',
  demenagement: 'Déménagement',
  erreur_inclusion: 'Erreur d’inclusion',
  desistement: 'Désistement',
  doublon: 'Doublon',
});

export const recipientSchema = z.object({
  memberId: z.string().min(1),
  memberNo: z.number().int().min(1),
  name: z.string().min(1),
  sex: z.enum(['M', 'F']),
});
export type Recipient = z.infer<typeof recipientSchema>;

/** An enrolled household as the register holds it (the server's `enrolments.data`). */
export const enrolmentSchema = z.object({
  id: z.string().min(1),
  villageId: z.string().min(1),
  householdCode: z.string().min(1),
  ciblageRecordId: z.string().min(1),
  assemblyRecordId: z.string().min(1),
  rsuId: z.string().min(1).max(60).optional(),
  nina: z.string().min(1).max(40).optional(),
  headName: z.string(),
  titulaire: recipientSchema,
  suppleant: recipientSchema.optional(),
  phone: z.string().optional(),
  enrolledOn: z.iso.date(),
  plannedEnd: z.iso.date(),
  state: enrolmentState.schema,
  exitReason: exitReason.schema.optional(),
  members: z.array(
    z.object({
      memberNo: z.number().int().min(1).max(99),
      name: z.string().min(1),
      sex: z.enum(['M', 'F']),
      ageYears: z.number().int().min(0).max(110).optional(),
    }),
  ),
});
export type Enrolment = z.infer<typeof enrolmentSchema>;

/** `date` plus `months` calendar months (the last day of a shorter month when needed). */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(d, last);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

type Member = Readonly<Record<string, unknown>>;

function recipientOf(m: Member): Recipient {
  return {
    memberId: String(m['id']),
    memberNo: Number(m['memberNo']),
    name: [m['firstName'], m['lastName']].filter((p) => typeof p === 'string').join(' '),
    sex: m['sex'] === 'F' ? 'F' : 'M',
  };
}

/**
 * The titulaire and suppléant a household starts with, from its ciblage roster: the titulaire is the
 * head's first spouse who is a woman of 18 or more, else the head if she is a woman, else the oldest
 * woman of 18 or more, else the head; the suppléant is the head when the titulaire is not, else the
 * oldest other adult. Undefined when the roster has no head. Field staff change them later through a
 * change request, approved by a supervisor.
 */
export function chooseRecipients(
  household: AnyRecordData,
): { titulaire: Recipient; suppleant?: Recipient } | undefined {
  const members = (Array.isArray(household['members']) ? household['members'] : []) as Member[];
  const interviewDate =
    typeof household['interviewDate'] === 'string' ? household['interviewDate'] : undefined;
  const age = (m: Member) => memberAge(m, interviewDate) ?? -1;
  const adult = (m: Member) => age(m) >= RECIPIENT_MIN_AGE;
  const head = members.find((m) => m['relationToHead'] === 'chef');
  if (!head) return undefined;
  const byAge = [...members].sort((a, b) => age(b) - age(a));
  const titulaire =
    members.find((m) => m['relationToHead'] === 'conjoint' && m['sex'] === 'F' && adult(m)) ??
    (head['sex'] === 'F' ? head : undefined) ??
    byAge.find((m) => m['sex'] === 'F' && adult(m)) ??
    head;
  const suppleant = titulaire !== head ? head : byAge.find((m) => m !== titulaire && adult(m));
  return {
    titulaire: recipientOf(titulaire),
    ...(suppleant ? { suppleant: recipientOf(suppleant) } : {}),
  };
}

/** The roster summary MA, PNP and HIMO screens need (BeneficiaryMemberSummary). */
export function rosterSummary(household: AnyRecordData): Enrolment['members'] {
  const members = (Array.isArray(household['members']) ? household['members'] : []) as Member[];
  const interviewDate =
    typeof household['interviewDate'] === 'string' ? household['interviewDate'] : undefined;
  return members.map((m) => {
    const a = memberAge(m, interviewDate);
    return {
      memberNo: Number(m['memberNo']),
      name: recipientOf(m).name,
      sex: m['sex'] === 'F' ? 'F' : 'M',
      ...(a === undefined ? {} : { ageYears: Math.min(110, Math.max(0, a)) }),
    };
  });
}

/**
 * Whether the register may move a household from one state to another: a suspension is lifted or
 * the household exits; an exit (with its reason) is final — a household that comes back is enrolled
 * again through a new assembly. A suspended household stays on the MA, PNP and HIMO lists (its
 * follow-up goes on); an exited one leaves them.
 */
export function stateChangeAllowed(from: EnrolmentStateCode, to: EnrolmentStateCode): boolean {
  if (from === 'exited') return false;
  if (from === to) return false;
  return true;
}
