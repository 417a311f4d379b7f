import { formatDateFr } from '../../common/format';
import type { MaAttendanceLine, MaSession } from './ma-session';
import { issue, years, type Draft, type Issue, type RuleContext } from '../../rules/issue';
import type { BeneficiaryHousehold } from '../../reference/reference-data';

/** Youngest attendee counted for a household without the facilitator's confirmation. */
export const MA_ATTENDEE_MIN_AGE = 15;

/**
 * The titulaire's line in the household's roster, matched by name (the reference data names the
 * titulaire, not her roster number), when the roster is known.
 */
export function titulaireMember(
  household: Pick<BeneficiaryHousehold, 'titulaireName' | 'members'>,
): NonNullable<BeneficiaryHousehold['members']>[number] | undefined {
  const name = household.titulaireName?.trim().toLocaleLowerCase('fr');
  if (!name) return undefined;
  return household.members?.find((m) => m.name.trim().toLocaleLowerCase('fr') === name);
}

/** Rules of an MA session and its attendance. */
export function maRules(s: Draft<MaSession>, ctx: RuleContext): Issue[] {
  const out: Issue[] = [];
  if (s.date !== undefined && s.date > ctx.today) {
    out.push(
      issue(
        'date',
        'ma.date_future',
        'error',
        `Date : une séance ne peut pas être après aujourd’hui (${formatDateFr(s.date)} > ${formatDateFr(ctx.today)}).`,
      ),
    );
  }
  const known = new Set(ctx.settings.maThemes.map((t) => t.code));
  for (const code of s.themes ?? []) {
    if (!known.has(code))
      out.push(
        issue(
          'themes',
          'ma.theme_unknown',
          'error',
          `Thèmes : « ${code} » n’est pas dans la liste des thèmes du programme.`,
        ),
      );
  }
  const seenIds = new Set<string>();
  const seenCodes = new Set<string>();
  for (const line of s.attendance ?? []) {
    const p = `attendance.${line.id ?? '?'}`;
    if (line.id !== undefined) {
      if (seenIds.has(line.id))
        out.push(
          issue(
            p,
            'ma.household_twice',
            'error',
            `Présences : le ménage ${line.householdCode ?? ''} a deux lignes ; une seule par ménage et par séance.`,
          ),
        );
      seenIds.add(line.id);
    }
    if (line.householdCode !== undefined) {
      if (seenCodes.has(line.householdCode) && line.id !== undefined) {
        out.push(
          issue(
            `${p}.householdCode`,
            'ma.household_code_twice',
            'error',
            `Code ménage : ${line.householdCode} apparaît sur deux lignes.`,
          ),
        );
      }
      seenCodes.add(line.householdCode);
    }
    out.push(...lineRules(line, p, ctx));
  }
  return out;
}

function lineRules(line: Draft<MaAttendanceLine>, p: string, ctx: RuleContext): Issue[] {
  const out: Issue[] = [];
  const hh = `ménage ${line.householdCode ?? ''}`.trim();
  const titulaire = line.attendeeIsTitulaire === true;
  const named = [titulaire, line.attendeeMemberNo !== undefined, line.substitute !== undefined];
  const hasAttendee = named.some(Boolean);
  if (line.status === 'present') {
    if (!hasAttendee)
      out.push(
        issue(
          `${p}.attendeeMemberNo`,
          'ma.attendee_required',
          'error',
          `Membre présent (${hh}) : indiquez qui est venu (titulaire, membre du ménage ou remplaçant).`,
        ),
      );
    if (named.filter(Boolean).length > 1) {
      out.push(
        issue(
          `${p}.substitute`,
          'ma.attendee_and_substitute',
          'error',
          `Remplaçant (${hh}) : choisissez une seule personne (titulaire, membre ou remplaçant).`,
        ),
      );
    }
  } else if (line.status !== undefined && hasAttendee) {
    out.push(
      issue(
        `${p}.attendeeMemberNo`,
        'ma.attendee_when_absent',
        'error',
        `Membre présent (${hh}) : à laisser vide quand le ménage est absent ou excusé.`,
      ),
    );
  }
  const household =
    line.id !== undefined ? ctx.beneficiaryHouseholds?.find((b) => b.id === line.id) : undefined;
  let age = line.substitute?.ageYears;
  if (titulaire && household) age = titulaireMember(household)?.ageYears;
  if (household?.members && line.attendeeMemberNo !== undefined) {
    const member = household.members.find((m) => m.memberNo === line.attendeeMemberNo);
    if (!member)
      out.push(
        issue(
          `${p}.attendeeMemberNo`,
          'ma.attendee_not_in_household',
          'error',
          `Membre présent (${hh}) : pas de membre n°${line.attendeeMemberNo} dans ce ménage.`,
        ),
      );
    age = member?.ageYears;
  }
  if (
    line.status === 'present' &&
    age !== undefined &&
    age < MA_ATTENDEE_MIN_AGE &&
    line.minorAttendeeConfirmed !== true
  ) {
    out.push(
      issue(
        `${p}.${line.substitute !== undefined ? 'substitute' : 'attendeeMemberNo'}`,
        'ma.attendee_min_age',
        'error',
        `Membre présent (${hh}) : ${years(age)}, moins de ${MA_ATTENDEE_MIN_AGE} ans — cochez la confirmation pour l’accepter.`,
      ),
    );
  }
  return out;
}
