import { describe, expect, it } from 'vitest';
import type { HimoAttendance } from './himo-records';
import {
  buildHimoAttendance,
  buildHimoMicroproject,
  buildHimoPayment,
  buildHimoWorker,
  sampleId,
  sampleIds,
  sampleRuleContext,
} from '../../testing/sample-records';
import { computeDaysWorked, himoAmount } from './himo-pay';
import { earlierSheetOfDay, findDuplicateActiveWorkers } from './himo-rules';
import { validateRecord } from '../../rules/validate';

const ctx = sampleRuleContext();
const rules = (r: ReturnType<typeof validateRecord>) =>
  r.issues.map((i) => `${i.severity}:${i.rule}`);
const otherWorker = sampleId(402);

describe('HIMO worker', () => {
  it('age 18–64: 17 and 65 are errors; 59 nothing; 60 and 64 warn', () => {
    const at = (age: number) => rules(validateRecord(buildHimoWorker({ age }), ctx));
    expect(at(17)).toEqual(['error:himo.worker_age_range']);
    expect(at(18)).toEqual([]);
    expect(at(59)).toEqual([]);
    expect(at(60)).toEqual(['warning:himo.worker_age_senior']);
    expect(at(64)).toEqual(['warning:himo.worker_age_senior']);
    expect(at(65)).toEqual(['error:himo.worker_age_range']);
  });

  it('a substitute needs a reason and must come from the same household', () => {
    const roll = [buildHimoWorker({ active: false })];
    const sub = {
      id: otherWorker,
      isSubstitute: true,
      replacesWorkerId: sampleIds.worker,
      name: 'Oumar Guindo',
    };
    const c = sampleRuleContext({ himoWorkers: roll });
    expect(rules(validateRecord(buildHimoWorker(sub), c))).toEqual([
      'error:himo.substitute_reason_required',
    ]);
    expect(
      validateRecord(buildHimoWorker({ ...sub, substituteReason: 'Chef de ménage malade' }), c).ok,
    ).toBe(true);
    const elsewhere = buildHimoWorker({
      ...sub,
      substituteReason: 'Malade',
      householdId: sampleIds.beneficiaryHousehold2,
    });
    expect(rules(validateRecord(elsewhere, c))).toEqual(['error:himo.substitute_other_household']);
  });

  it('one active worker per household per microproject', () => {
    const second = buildHimoWorker({ id: otherWorker, name: 'Oumar Guindo' });
    const c = sampleRuleContext({ himoWorkers: [buildHimoWorker()] });
    expect(rules(validateRecord(second, c))).toEqual([
      'error:himo.one_active_worker_per_household',
    ]);
    expect(validateRecord({ ...second, active: false }, c).ok).toBe(true);
    expect(validateRecord(buildHimoWorker(), c).ok).toBe(true); // itself is not a duplicate
    expect(
      validateRecord(
        { ...second, projectId: sampleId(499) },
        sampleRuleContext({
          himoWorkers: [buildHimoWorker()],
          microprojects: [buildHimoMicroproject({ projectId: sampleId(499) })],
        }),
      ).ok,
    ).toBe(true);
  });

  it('findDuplicateActiveWorkers lists households with more than one active worker on a project', () => {
    const a = buildHimoWorker();
    const b = buildHimoWorker({ id: otherWorker });
    const inactive = buildHimoWorker({ id: sampleId(403), active: false });
    const otherProject = buildHimoWorker({ id: sampleId(404), projectId: sampleId(499) });
    expect(findDuplicateActiveWorkers([a, inactive, otherProject])).toEqual([]);
    expect(findDuplicateActiveWorkers([a, b, inactive, otherProject])).toEqual([
      {
        projectId: sampleIds.microproject,
        householdId: sampleIds.beneficiaryHousehold,
        workerIds: [a.id, b.id],
      },
    ]);
    expect(findDuplicateActiveWorkers([a, a])).toEqual([]);
  });

  it('« Enceinte » is not asked of a man or a woman over 50: an answer is an error', () => {
    expect(rules(validateRecord(buildHimoWorker({ isPregnant: false, sex: 'M' }), ctx))).toEqual([
      'error:himo.question_not_applicable',
    ]);
    expect(
      rules(validateRecord(buildHimoWorker({ isPregnant: true, sex: 'F', age: 51 }), ctx)),
    ).toEqual(['error:himo.question_not_applicable']);
    expect(validateRecord(buildHimoWorker({ isPregnant: false, sex: 'F', age: 50 }), ctx).ok).toBe(
      true,
    );
  });

  it('unknown microproject is an error; a village outside it and a pregnancy warn', () => {
    expect(rules(validateRecord(buildHimoWorker({ projectId: sampleId(499) }), ctx))).toEqual([
      'error:himo.project_unknown',
    ]);
    expect(rules(validateRecord(buildHimoWorker({ villageId: 'elsewhere' }), ctx))).toEqual([
      'warning:himo.village_not_in_project',
    ]);
    expect(rules(validateRecord(buildHimoWorker({ isPregnant: true, sex: 'F' }), ctx))).toEqual([
      'warning:himo.worker_pregnant',
    ]);
  });
});

describe('HIMO attendance sheet', () => {
  it('one line per worker, workers of the roll, inside the project dates', () => {
    const twice = buildHimoAttendance({
      lines: [
        { id: sampleIds.worker, status: 'present' },
        { id: sampleIds.worker, status: 'absent' },
      ],
    });
    expect(rules(validateRecord(twice, ctx))).toEqual(['error:himo.worker_twice_on_sheet']);
    const c = sampleRuleContext({ himoWorkers: [buildHimoWorker()] });
    expect(validateRecord(buildHimoAttendance(), c).ok).toBe(true);
    expect(
      rules(
        validateRecord(buildHimoAttendance({ lines: [{ id: otherWorker, status: 'present' }] }), c),
      ),
    ).toEqual(['error:himo.worker_not_on_roll']);
    expect(rules(validateRecord(buildHimoAttendance({ date: '2026-01-31' }), ctx))).toEqual([
      'warning:himo.attendance_outside_project',
    ]);
    expect(rules(validateRecord(buildHimoAttendance({ date: '2026-02-01' }), ctx))).toEqual([]);
    expect(rules(validateRecord(buildHimoAttendance({ date: '2026-03-16' }), ctx))).toEqual([
      'error:himo.attendance_date_future',
    ]);
  });

  it('one sheet per microproject and day: a second one for the same day is refused, the first kept', () => {
    const first = buildHimoAttendance({
      id: sampleId(701),
      capturedAt: '2026-03-10T08:00:00.000Z',
    });
    const second = buildHimoAttendance({
      id: sampleId(702),
      capturedAt: '2026-03-10T17:00:00.000Z',
    });
    const both = sampleRuleContext({ attendanceSheets: [first, second] });
    expect(rules(validateRecord(second, both))).toEqual(['error:himo.attendance_day_taken']);
    expect(validateRecord(second, both).issues[0]?.message).toBe(
      'Date : le microprojet a déjà une feuille de présence le 02/03/2026 — complétez celle-là plutôt qu’une deuxième.',
    );
    // The first of the day stays valid (and editable), even beside a second stored earlier.
    expect(rules(validateRecord(first, both))).toEqual([]);
    // Same time: the lower id came first. Another day or another project is no clash.
    const sameTime = buildHimoAttendance({ id: sampleId(700), capturedAt: second.capturedAt });
    expect(earlierSheetOfDay(second, [sameTime])?.id).toBe(sameTime.id);
    expect(earlierSheetOfDay(sameTime, [second])).toBeUndefined();
    expect(earlierSheetOfDay({ ...second, date: '2026-03-11' }, [first])).toBeUndefined();
    expect(earlierSheetOfDay({ ...second, projectId: sampleId(999) }, [first])).toBeUndefined();
    // A draft not captured yet comes after every stored sheet.
    expect(earlierSheetOfDay({ ...second, capturedAt: undefined }, [first])?.id).toBe(first.id);
  });
});

describe('HIMO payment', () => {
  const sheet = (
    date: string,
    status: 'present' | 'absent' | 'half_day',
    projectId: string = sampleIds.microproject,
  ): HimoAttendance =>
    buildHimoAttendance({
      id: sampleId(Number(date.slice(8)) + 700),
      date,
      projectId,
      lines: [
        { id: sampleIds.worker, status },
        { id: otherWorker, status: 'present' },
      ],
    });

  it('computeDaysWorked: present 1, half day 0.5, absent 0; period inclusive; a re-entered date counts once', () => {
    const sheets = [
      sheet('2026-03-01', 'present'),
      sheet('2026-03-02', 'half_day'),
      sheet('2026-03-03', 'absent'),
      sheet('2026-03-04', 'present'),
      sheet('2026-03-04', 'present'),
      sheet('2026-03-05', 'present', sampleId(499)),
      sheet('2026-03-15', 'present'),
    ];
    expect(
      computeDaysWorked(
        sheets,
        sampleIds.microproject,
        sampleIds.worker,
        '2026-03-01',
        '2026-03-14',
      ),
    ).toBe(2.5);
    expect(
      computeDaysWorked(
        sheets,
        sampleIds.microproject,
        sampleIds.worker,
        '2026-03-02',
        '2026-03-15',
      ),
    ).toBe(2.5);
    expect(
      computeDaysWorked(sheets, sampleIds.microproject, sampleId(999), '2026-03-01', '2026-03-31'),
    ).toBe(0);
  });

  it('days worked must equal the attendance sheets when they are known', () => {
    const c = sampleRuleContext({
      attendanceSheets: [sheet('2026-03-01', 'present'), sheet('2026-03-02', 'half_day')],
    });
    expect(validateRecord(buildHimoPayment({ daysWorked: 1.5, amountFcfa: 3000 }), c).ok).toBe(
      true,
    );
    expect(rules(validateRecord(buildHimoPayment({ daysWorked: 2, amountFcfa: 4000 }), c))).toEqual(
      ['error:himo.days_differ_from_attendance'],
    );
  });

  it('days never above planned days: 60 of 60 is fine, 60.5 is not', () => {
    expect(validateRecord(buildHimoPayment({ daysWorked: 60, amountFcfa: 120000 }), ctx).ok).toBe(
      true,
    );
    const r = validateRecord(buildHimoPayment({ daysWorked: 60.5, amountFcfa: 121000 }), ctx);
    expect(r.issues).toEqual([
      {
        path: 'daysWorked',
        rule: 'himo.days_above_planned',
        severity: 'error',
        message: 'Jours travaillés : 60,5 dépasse les 60 jours prévus du microprojet.',
      },
    ]);
  });

  it('days are counted in half days', () => {
    expect(
      rules(validateRecord(buildHimoPayment({ daysWorked: 10.25, amountFcfa: 20500 }), ctx)),
    ).toEqual(['error:structure.not_multiple_of']);
  });

  it('amount = days × wage; anything else needs a justified override, which is flagged', () => {
    expect(himoAmount(10.5, 2000)).toBe(21000);
    expect(himoAmount(0.5, 1525)).toBe(763);
    const wrong = validateRecord(buildHimoPayment({ amountFcfa: 22000 }), ctx);
    expect(wrong.issues).toEqual([
      {
        path: 'amountFcfa',
        rule: 'himo.amount_mismatch',
        severity: 'error',
        message:
          'Montant : 22 000 FCFA au lieu de 10,5 jours × 2 000 FCFA = 21 000 FCFA ; sinon, saisissez un montant manuel justifié.',
      },
    ]);
    const justified = validateRecord(
      buildHimoPayment({
        amountFcfa: 22000,
        override: { amountFcfa: 22000, justification: 'Rappel du jour férié du 8 mars' },
      }),
      ctx,
    );
    expect(rules(justified)).toEqual(['warning:himo.amount_overridden']);
    expect(justified.ok).toBe(true);
    expect(
      rules(
        validateRecord(
          buildHimoPayment({
            amountFcfa: 22000,
            override: { amountFcfa: 22000, justification: '' },
          }),
          ctx,
        ),
      ),
    ).toEqual(['error:structure.too_small', 'warning:himo.amount_overridden']);
    expect(
      rules(
        validateRecord(
          buildHimoPayment({
            amountFcfa: 21000,
            override: { amountFcfa: 22000, justification: 'Rappel' },
          }),
          ctx,
        ),
      ),
    ).toEqual(['error:himo.amount_differs_from_override']);
  });

  it('period order, payment date, wage of the project, mobile money reference', () => {
    expect(rules(validateRecord(buildHimoPayment({ periodEnd: '2026-02-28' }), ctx))).toEqual([
      'error:himo.period_inverted',
    ]);
    expect(rules(validateRecord(buildHimoPayment({ paidDate: '2026-03-16' }), ctx))).toEqual([
      'error:himo.paid_date_future',
    ]);
    expect(
      rules(validateRecord(buildHimoPayment({ dailyWageFcfa: 2500, amountFcfa: 26250 }), ctx)),
    ).toEqual(['warning:himo.wage_differs_from_project']);
    expect(rules(validateRecord(buildHimoPayment({ txnRef: undefined }), ctx))).toEqual([
      'warning:himo.txn_ref_missing',
    ]);
    expect(validateRecord(buildHimoPayment({ txnRef: undefined, mode: 'especes' }), ctx).ok).toBe(
      true,
    );
  });
});
