import { describe, expect, it } from 'vitest';
import { validateRecord } from '../../rules/validate';
import { sampleId } from '../../testing/sample-base';
import { sampleRuleContext } from '../../testing/sample-records';
import { buildAssemblyLine, buildAssemblyValidation } from './assembly-samples';
import { validatedLines } from './assembly-rules';

const ctx = sampleRuleContext();
const rules = (record: unknown) =>
  validateRecord(record, ctx).issues.map((i) => `${i.severity} ${i.rule} ${i.path}`);

describe('village assembly rules', () => {
  it('accepts a held assembly that kept the list as it was', () => {
    expect(validateRecord(buildAssemblyValidation(), ctx).issues).toEqual([]);
  });

  it('accepts the list as published, before its assembly, with nothing decided', () => {
    const waiting = buildAssemblyValidation({
      held: false,
      date: undefined,
      attendanceMen: undefined,
      attendanceWomen: undefined,
      minutesDecision: undefined,
      households: [buildAssemblyLine({ decision: undefined })],
    });
    expect(validateRecord(waiting, ctx).issues).toEqual([]);
  });

  it('asks a held assembly for its date, attendance, minutes and a decision on every listed household', () => {
    const record = buildAssemblyValidation({
      date: undefined,
      attendanceMen: undefined,
      minutesDecision: undefined,
      households: [buildAssemblyLine({ decision: undefined })],
    });
    expect(rules(record)).toEqual([
      'error assembly.date_required date',
      'error assembly.attendance_required attendanceWomen',
      'error assembly.minutes_required minutesDecision',
      `error assembly.decision_required households.${sampleId(600)}.decision`,
    ]);
  });

  it('records a removal and an addition with their reasons, and the minutes must say the list changed', () => {
    const base = buildAssemblyValidation();
    const removed = {
      ...base.households[1]!,
      decision: 'retire' as const,
      contestReason: 'non_pauvre' as const,
    };
    const added = buildAssemblyLine({
      id: sampleId(610),
      listStatus: 'added',
      listRank: undefined,
      householdCode: undefined,
      headName: 'Kadia Dolo',
      decision: 'ajoute',
      contestReason: 'pauvre_oublie',
      replacesLineId: removed.id,
    });
    const record = {
      ...base,
      households: [base.households[0]!, removed, base.households[2]!, added],
    };
    expect(rules(record)).toEqual(['error assembly.minutes_contradiction minutesDecision']);
    const ok = { ...record, minutesDecision: 'validee_modifiee' };
    expect(rules(ok)).toEqual([]);
    expect(validatedLines(ok.households).map((l) => l.headName)).toEqual([
      'Amadou Guindo',
      'Kadia Dolo',
    ]);
  });

  it('refuses a removal without reason, a decision a line cannot take, and a replacement of a kept household', () => {
    const base = buildAssemblyValidation({ minutesDecision: 'validee_modifiee' });
    const record = {
      ...base,
      households: [
        buildAssemblyLine({ decision: 'retire' }),
        buildAssemblyLine({ id: sampleId(601), listStatus: 'waiting', decision: 'retenu' }),
        buildAssemblyLine({
          id: sampleId(602),
          listStatus: 'added',
          decision: 'ajoute',
          contestReason: 'autre',
          replacesLineId: sampleId(601),
        }),
      ],
    };
    expect(rules(record)).toEqual([
      `error assembly.reason_required households.${sampleId(600)}.contestReason`,
      `error assembly.decision_not_allowed households.${sampleId(601)}.decision`,
      `error assembly.replaces_not_removed households.${sampleId(602)}.replacesLineId`,
    ]);
  });

  it('warns when more households are validated than the quota, and refuses an assembly in the future or without anyone', () => {
    const over = buildAssemblyValidation({
      quota: 1,
    });
    expect(rules(over)).toEqual(['warning assembly.over_quota households']);
    expect(rules(buildAssemblyValidation({ date: '2099-01-01' }))).toEqual([
      'error assembly.date_future date',
    ]);
    expect(rules(buildAssemblyValidation({ attendanceMen: 0, attendanceWomen: 0 }))).toEqual([
      'error assembly.attendance_zero attendanceWomen',
    ]);
  });

  it('has no field that could hold a score', () => {
    const text = JSON.stringify(buildAssemblyValidation());
    expect(text).not.toMatch(/score/i);
  });
});
