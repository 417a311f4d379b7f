import { formatDateFr } from '../../common/format';
import { issue, type Draft, type Issue, type RuleContext } from '../../rules/issue';
import type { AssemblyLine, AssemblyValidation } from './assembly-validation';

// The rules of a recorded assembly. While `held` is false the record is the list waiting for its
// assembly, and only the list's own consistency is checked; once held, everything the minutes need.

/** Households the assembly validated: kept from the list, or added (a waiting one promoted too). */
export function validatedLines<L extends Draft<AssemblyLine>>(lines: readonly L[]): L[] {
  return lines.filter((l) => l.decision === 'retenu' || l.decision === 'ajoute');
}

function lineLabel(l: Draft<AssemblyLine>): string {
  return `« ${l.headName ?? '?'} »${l.householdCode ? ` (${l.householdCode})` : ''}`;
}

export function assemblyRules(a: Draft<AssemblyValidation>, ctx: RuleContext): Issue[] {
  const out: Issue[] = [];
  const lines = a.households ?? [];
  const byId = new Map(lines.filter((l) => l.id !== undefined).map((l) => [l.id, l]));
  for (const l of lines) {
    const p = `households.${l.id ?? '?'}`;
    const allowed =
      l.listStatus === 'selected'
        ? ['retenu', 'retire']
        : l.listStatus === 'waiting'
          ? ['ajoute']
          : ['ajoute'];
    if (l.decision !== undefined && !allowed.includes(l.decision))
      out.push(
        issue(
          `${p}.decision`,
          'assembly.decision_not_allowed',
          'error',
          `Décision de ${lineLabel(l)} : un ménage ${l.listStatus === 'selected' ? 'de la liste est retenu ou retiré' : 'hors liste ne peut qu’être ajouté'}.`,
        ),
      );
    if ((l.decision === 'retire' || l.listStatus === 'added') && l.contestReason === undefined)
      out.push(
        issue(
          `${p}.contestReason`,
          'assembly.reason_required',
          'error',
          `Motif de ${lineLabel(l)} : dites pourquoi le ménage est ${l.decision === 'retire' ? 'retiré' : 'ajouté'}.`,
        ),
      );
    if (l.listStatus === 'added' && l.decision === undefined && a.held === true)
      out.push(
        issue(
          `${p}.decision`,
          'assembly.added_decision',
          'error',
          `Décision de ${lineLabel(l)} : un ménage ajouté par l’assemblée est « Ajouté ».`,
        ),
      );
    if (l.replacesLineId !== undefined) {
      const replaced = byId.get(l.replacesLineId);
      if (replaced?.decision !== 'retire')
        out.push(
          issue(
            `${p}.replacesLineId`,
            'assembly.replaces_not_removed',
            'error',
            `Remplacement : ${lineLabel(l)} ne peut remplacer qu’un ménage retiré de la liste.`,
          ),
        );
    }
  }
  if (a.held !== true) return out;

  if (a.date === undefined)
    out.push(issue('date', 'assembly.date_required', 'error', 'Date : requise.'));
  else if (a.date > ctx.today)
    out.push(
      issue(
        'date',
        'assembly.date_future',
        'error',
        `Date : une assemblée ne peut pas être après aujourd’hui (${formatDateFr(a.date)} > ${formatDateFr(ctx.today)}).`,
      ),
    );
  if (a.attendanceMen === undefined || a.attendanceWomen === undefined)
    out.push(
      issue(
        'attendanceWomen',
        'assembly.attendance_required',
        'error',
        'Participants : nombre d’hommes et de femmes présents requis.',
      ),
    );
  else if (a.attendanceMen + a.attendanceWomen === 0)
    out.push(
      issue(
        'attendanceWomen',
        'assembly.attendance_zero',
        'error',
        'Participants : une assemblée sans participant ne valide pas une liste.',
      ),
    );
  if (a.minutesDecision === undefined)
    out.push(
      issue('minutesDecision', 'assembly.minutes_required', 'error', 'Décision du PV : requise.'),
    );
  for (const l of lines)
    if (l.listStatus === 'selected' && l.decision === undefined)
      out.push(
        issue(
          `households.${l.id ?? '?'}.decision`,
          'assembly.decision_required',
          'error',
          `Décision de ${lineLabel(l)} : retenu ou retiré ?`,
        ),
      );
  const changed = lines.some(
    (l) => l.decision === 'retire' || (l.decision === 'ajoute' && l.listStatus !== 'selected'),
  );
  if (a.minutesDecision === 'validee' && changed)
    out.push(
      issue(
        'minutesDecision',
        'assembly.minutes_contradiction',
        'error',
        'Décision du PV : la liste a été modifiée (ménages retirés ou ajoutés) ; choisissez « validée avec modifications ».',
      ),
    );
  const kept = validatedLines(lines).length;
  if (a.quota !== undefined && kept > a.quota && a.minutesDecision !== 'rejetee')
    out.push(
      issue(
        'households',
        'assembly.over_quota',
        'warning',
        `Ménages validés : ${kept} pour un quota de ${a.quota} ; le superviseur doit confirmer le dépassement.`,
      ),
    );
  return out;
}
