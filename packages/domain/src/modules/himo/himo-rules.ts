import { formatDateFr, formatFcfa } from '../../common/format';
import type { HimoAttendance, HimoPayment, HimoWorker } from './himo-records';
import { computeDaysWorked, himoAmount } from './himo-pay';
import { notApplicableAnswers, questionApplies } from '../../rules/person-questions';
import { issue, type Draft, type Issue, type RuleContext } from '../../rules/issue';

export const HIMO_AGE_MIN = 18;
export const HIMO_AGE_MAX = 64;
/** From this age a worker is flagged (heavy work). */
export const HIMO_AGE_WARN = 60;

/** A group of active workers of one household on one microproject, when there should be one at most. */
export type DuplicateActiveWorkers = {
  projectId: string;
  householdId: string;
  workerIds: string[];
};

/** Households with more than one active worker on the same microproject (a hard rule of HIMO). */
export function findDuplicateActiveWorkers(
  workers: readonly Pick<HimoWorker, 'id' | 'projectId' | 'householdId' | 'active'>[],
): DuplicateActiveWorkers[] {
  const groups = new Map<string, DuplicateActiveWorkers>();
  for (const w of workers) {
    if (!w.active) continue;
    const key = `${w.projectId}|${w.householdId}`;
    const g = groups.get(key) ?? {
      projectId: w.projectId,
      householdId: w.householdId,
      workerIds: [],
    };
    if (!g.workerIds.includes(w.id)) g.workerIds.push(w.id);
    groups.set(key, g);
  }
  return [...groups.values()].filter((g) => g.workerIds.length > 1);
}

/** Days in French notation (decimal comma: 10,5). */
function frDays(days: number): string {
  return String(days).replace('.', ',');
}

/** Rules of a worker on the roll. */
export function himoWorkerRules(w: Draft<HimoWorker>, ctx: RuleContext): Issue[] {
  const out: Issue[] = [];
  if (w.age !== undefined) {
    if (w.age < HIMO_AGE_MIN || w.age > HIMO_AGE_MAX) {
      out.push(
        issue(
          'age',
          'himo.worker_age_range',
          'error',
          `Âge : un travailleur HIMO a de ${HIMO_AGE_MIN} à ${HIMO_AGE_MAX} ans (${w.age} ans saisis).`,
        ),
      );
    } else if (w.age >= HIMO_AGE_WARN) {
      out.push(
        issue(
          'age',
          'himo.worker_age_senior',
          'warning',
          `Âge : ${w.age} ans, ${HIMO_AGE_WARN} ans ou plus — travaux adaptés à vérifier.`,
        ),
      );
    }
  }
  if (w.isSubstitute === true && w.substituteReason === undefined) {
    out.push(
      issue(
        'substituteReason',
        'himo.substitute_reason_required',
        'error',
        'Motif du remplacement : obligatoire pour un remplaçant.',
      ),
    );
  }
  out.push(
    ...notApplicableAnswers({
      person: { sex: w.sex, age: w.age },
      answers: { pregnant: w.isPregnant },
      fields: { pregnant: { path: 'isPregnant', label: 'Enceinte' } },
      rule: () => 'himo.question_not_applicable',
    }),
  );
  if (w.isPregnant === true && questionApplies('pregnant', { sex: w.sex, age: w.age }))
    out.push(
      issue(
        'isPregnant',
        'himo.worker_pregnant',
        'warning',
        'Enceinte : travaux légers uniquement (sauvegardes environnementales et sociales).',
      ),
    );
  const project = ctx.microprojects?.find((p) => p.projectId === w.projectId);
  if (ctx.microprojects && w.projectId !== undefined && !project) {
    out.push(
      issue(
        'projectId',
        'himo.project_unknown',
        'error',
        'Microprojet : inconnu sur cet appareil.',
      ),
    );
  }
  if (project && w.villageId !== undefined && !project.villageIds.includes(w.villageId)) {
    out.push(
      issue(
        'villageId',
        'himo.village_not_in_project',
        'warning',
        `Village : ne fait pas partie du microprojet « ${project.name} ».`,
      ),
    );
  }
  const roll = ctx.himoWorkers ?? [];
  if (w.isSubstitute === true && w.replacesWorkerId !== undefined) {
    const replaced = roll.find((x) => x.id === w.replacesWorkerId);
    if (replaced && replaced.householdId !== w.householdId) {
      out.push(
        issue(
          'householdId',
          'himo.substitute_other_household',
          'error',
          'Ménage : un remplaçant doit venir du même ménage que le travailleur remplacé.',
        ),
      );
    }
  }
  if (w.active === true && w.id !== undefined) {
    const other = roll.find(
      (x) =>
        x.active && x.id !== w.id && x.projectId === w.projectId && x.householdId === w.householdId,
    );
    if (other)
      out.push(
        issue(
          'active',
          'himo.one_active_worker_per_household',
          'error',
          `Actif : le ménage ${w.householdCode ?? ''} a déjà un travailleur actif sur ce microprojet (${other.name}).`,
        ),
      );
  }
  return out;
}

/** Rules of one day's attendance sheet. */
export function himoAttendanceRules(a: Draft<HimoAttendance>, ctx: RuleContext): Issue[] {
  const out: Issue[] = [];
  if (a.date !== undefined && a.date > ctx.today)
    out.push(
      issue(
        'date',
        'himo.attendance_date_future',
        'error',
        `Date : une feuille de présence ne peut pas être après aujourd’hui (${formatDateFr(a.date)}).`,
      ),
    );
  const project = ctx.microprojects?.find((p) => p.projectId === a.projectId);
  if (project && a.date !== undefined && (a.date < project.startDate || a.date > project.endDate)) {
    out.push(
      issue(
        'date',
        'himo.attendance_outside_project',
        'warning',
        `Date : en dehors du chantier (du ${formatDateFr(project.startDate)} au ${formatDateFr(project.endDate)}).`,
      ),
    );
  }
  const earlier = earlierSheetOfDay(a, ctx.attendanceSheets ?? []);
  if (earlier)
    out.push(
      issue(
        'date',
        'himo.attendance_day_taken',
        'error',
        `Date : le microprojet a déjà une feuille de présence le ${formatDateFr(earlier.date)} — complétez celle-là plutôt qu’une deuxième.`,
      ),
    );
  const seen = new Set<string>();
  for (const line of a.lines ?? []) {
    if (line.id === undefined) continue;
    if (seen.has(line.id))
      out.push(
        issue(
          `lines.${line.id}`,
          'himo.worker_twice_on_sheet',
          'error',
          'Lignes de présence : un travailleur apparaît deux fois sur la même feuille.',
        ),
      );
    seen.add(line.id);
    const worker = ctx.himoWorkers?.find((w) => w.id === line.id);
    if (ctx.himoWorkers && (!worker || worker.projectId !== a.projectId)) {
      out.push(
        issue(
          `lines.${line.id}`,
          'himo.worker_not_on_roll',
          'error',
          'Lignes de présence : ce travailleur n’est pas inscrit sur ce microprojet.',
        ),
      );
    }
  }
  return out;
}

type SheetKey = Pick<Draft<HimoAttendance>, 'id' | 'projectId' | 'date' | 'capturedAt'>;

/**
 * One attendance sheet per microproject and day: the sheet of the same project and day that came
 * before this one (captured earlier; same time: lower id), if any. The first sheet of a day thus stays
 * editable even where two were stored before the rule existed; only the later one is refused.
 */
export function earlierSheetOfDay<S extends SheetKey>(
  sheet: SheetKey,
  sheets: readonly S[],
): S | undefined {
  if (sheet.projectId === undefined || sheet.date === undefined) return undefined;
  const before = (other: SheetKey) => {
    if (sheet.capturedAt === undefined || other.capturedAt === undefined)
      return sheet.capturedAt === undefined;
    if (other.capturedAt !== sheet.capturedAt) return other.capturedAt < sheet.capturedAt;
    return (other.id ?? '') < (sheet.id ?? '');
  };
  return sheets.find(
    (other) =>
      other.id !== sheet.id &&
      other.projectId === sheet.projectId &&
      other.date === sheet.date &&
      before(other),
  );
}

/** Rules of a payment: days from the sheets, never above planned days; amount = days × wage unless justified. */
export function himoPaymentRules(p: Draft<HimoPayment>, ctx: RuleContext): Issue[] {
  const out: Issue[] = [];
  if (p.periodStart !== undefined && p.periodEnd !== undefined && p.periodEnd < p.periodStart) {
    out.push(
      issue(
        'periodEnd',
        'himo.period_inverted',
        'error',
        'Fin de période : avant le début de la période.',
      ),
    );
  }
  if (p.paidDate !== undefined && p.paidDate > ctx.today)
    out.push(
      issue(
        'paidDate',
        'himo.paid_date_future',
        'error',
        'Date de paiement : ne peut pas être après aujourd’hui.',
      ),
    );
  const project = ctx.microprojects?.find((m) => m.projectId === p.projectId);
  if (project && p.daysWorked !== undefined && p.daysWorked > project.plannedDays) {
    out.push(
      issue(
        'daysWorked',
        'himo.days_above_planned',
        'error',
        `Jours travaillés : ${frDays(p.daysWorked)} dépasse les ${project.plannedDays} jours prévus du microprojet.`,
      ),
    );
  }
  if (project && p.dailyWageFcfa !== undefined && p.dailyWageFcfa !== project.dailyWageFcfa) {
    out.push(
      issue(
        'dailyWageFcfa',
        'himo.wage_differs_from_project',
        'warning',
        `Salaire journalier : ${formatFcfa(p.dailyWageFcfa)} au lieu de ${formatFcfa(project.dailyWageFcfa)} prévus au microprojet.`,
      ),
    );
  }
  if (
    ctx.attendanceSheets &&
    p.projectId !== undefined &&
    p.workerId !== undefined &&
    p.periodStart !== undefined &&
    p.periodEnd !== undefined &&
    p.daysWorked !== undefined
  ) {
    const computed = computeDaysWorked(
      ctx.attendanceSheets,
      p.projectId,
      p.workerId,
      p.periodStart,
      p.periodEnd,
    );
    if (computed !== p.daysWorked) {
      out.push(
        issue(
          'daysWorked',
          'himo.days_differ_from_attendance',
          'error',
          `Jours travaillés : ${frDays(p.daysWorked)} saisis, les feuilles de présence en comptent ${frDays(computed)}.`,
        ),
      );
    }
  }
  if (p.daysWorked !== undefined && p.dailyWageFcfa !== undefined && p.amountFcfa !== undefined) {
    const expected = himoAmount(p.daysWorked, p.dailyWageFcfa);
    if (p.override === undefined && p.amountFcfa !== expected) {
      out.push(
        issue(
          'amountFcfa',
          'himo.amount_mismatch',
          'error',
          `Montant : ${formatFcfa(p.amountFcfa)} au lieu de ${frDays(p.daysWorked)} jours × ${formatFcfa(p.dailyWageFcfa)} = ${formatFcfa(expected)} ; sinon, saisissez un montant manuel justifié.`,
        ),
      );
    }
    if (p.override !== undefined) {
      if (p.override.amountFcfa !== undefined && p.override.amountFcfa !== p.amountFcfa) {
        out.push(
          issue(
            'amountFcfa',
            'himo.amount_differs_from_override',
            'error',
            'Montant : doit être égal au montant manuel saisi.',
          ),
        );
      }
      if (p.amountFcfa !== expected)
        out.push(
          issue(
            'override',
            'himo.amount_overridden',
            'warning',
            `Montant manuel : ${formatFcfa(p.amountFcfa)} au lieu de ${formatFcfa(expected)} calculés — justification à vérifier.`,
          ),
        );
    }
  }
  if (
    p.paidDate !== undefined &&
    (p.mode === 'orange_money' || p.mode === 'moov_money') &&
    p.txnRef === undefined
  ) {
    out.push(
      issue(
        'txnRef',
        'himo.txn_ref_missing',
        'warning',
        'Référence de transaction : à saisir pour un paiement par mobile money.',
      ),
    );
  }
  return out;
}
