import { describe, expect, it } from 'vitest';
import {
  deadlineState,
  dueAt,
  escalationDue,
  intakeInstant,
  leadingCategory,
  nextLevel,
} from './complaint-deadlines';
import { canAppeal, complaintTransition, type ComplaintFacts } from './complaint-workflow';

describe('leadingCategory: the most restrictive category leads', () => {
  it('takes the highest priority, then the fewest days, and stays sensitive', () => {
    expect(leadingCategory(['paiement', 'exclusion']).code).toBe('exclusion');
    expect(leadingCategory(['paiement', 'information']).code).toBe('information');
    const lead = leadingCategory(['paiement', 'corruption', 'accident']);
    expect(lead).toMatchObject({ code: 'corruption', daysToResolve: 3, sensitive: true });
    expect(leadingCategory(['vbg_eas', 'corruption']).daysToResolve).toBe(2);
    expect(() => leadingCategory([])).toThrow();
    expect(() => leadingCategory(['nope'])).toThrow(/unknown/);
  });
});

describe('intakeInstant: the clock starts at intake, on a corrected clock', () => {
  const receivedAt = '2026-05-10T12:00:00.000Z';
  it('corrects the tablet clock by its measured offset, never past the receipt', () => {
    expect(
      intakeInstant({ deviceAt: '2026-05-08T09:00:00.000Z', clockOffsetMs: 3_600_000, receivedAt }),
    ).toEqual({ at: '2026-05-08T10:00:00.000Z', clockTrusted: true });
    expect(
      intakeInstant({ deviceAt: '2026-05-10T11:30:00.000Z', clockOffsetMs: 3_600_000, receivedAt }),
    ).toEqual({ at: receivedAt, clockTrusted: true });
  });
  it('without an offset, refuses a clock in the future or before registration', () => {
    const registered = '2026-01-01T00:00:00.000Z';
    const base = { receivedAt, deviceRegisteredAt: registered };
    expect(intakeInstant({ ...base, deviceAt: '2026-05-09T08:00:00.000Z' })).toEqual({
      at: '2026-05-09T08:00:00.000Z',
      clockTrusted: true,
    });
    expect(intakeInstant({ ...base, deviceAt: '2027-05-09T08:00:00.000Z' })).toEqual({
      at: receivedAt,
      clockTrusted: false,
    });
    expect(intakeInstant({ ...base, deviceAt: '2001-01-01T00:00:00.000Z' }).clockTrusted).toBe(
      false,
    );
  });
});

describe('deadlineState and escalation', () => {
  const start = '2026-05-01T08:00:00.000Z';
  const due = dueAt(start, 4); // 2026-05-05T08:00
  it('is on time, at risk under a quarter left, breached past the deadline', () => {
    expect(due).toBe('2026-05-05T08:00:00.000Z');
    expect(deadlineState(start, due, '2026-05-04T08:00:00.000Z')).toBe('on_time'); // exactly 1/4 left
    expect(deadlineState(start, due, '2026-05-04T08:00:01.000Z')).toBe('at_risk');
    expect(deadlineState(start, due, due)).toBe('at_risk');
    expect(deadlineState(start, due, '2026-05-05T08:00:00.001Z')).toBe('breached');
  });

  it('moves a breached open case up one level with a fresh deadline', () => {
    const c = {
      level: 'village' as const,
      levelSince: start,
      dueAt: due,
      daysToResolve: 4,
      open: true,
    };
    expect(escalationDue(c, '2026-05-05T07:00:00.000Z')).toBeNull();
    const now = '2026-05-05T09:00:00.000Z';
    expect(escalationDue(c, now)).toEqual({
      level: 'commune',
      levelSince: now,
      dueAt: '2026-05-09T09:00:00.000Z',
    });
    expect(escalationDue({ ...c, open: false }, now)).toBeNull();
    expect(escalationDue({ ...c, level: 'national' }, now)).toBeNull();
    expect(
      ['village', 'commune', 'cercle', 'region'].map((l) => nextLevel(l as 'village')),
    ).toEqual(['commune', 'cercle', 'region', 'national']);
  });
});

describe('complaintTransition', () => {
  const c = (
    state: ComplaintFacts['state'],
    extra: Partial<ComplaintFacts> = {},
  ): ComplaintFacts => ({
    state,
    channel: 'in_person',
    anonymous: false,
    ...extra,
  });

  it('walks the whole workflow', () => {
    expect(complaintTransition(c('received'), { kind: 'acknowledge' })).toEqual({
      ok: true,
      state: 'acknowledged',
    });
    expect(complaintTransition(c('acknowledged'), { kind: 'assign', assigneeId: 'u' }).ok).toBe(
      true,
    );
    expect(complaintTransition(c('assigned'), { kind: 'start_investigation' }).ok).toBe(true);
    expect(
      complaintTransition(c('investigating'), { kind: 'decide', decision: 'upheld', reason: 'vu' }),
    ).toEqual({ ok: true, state: 'decided' });
    const answer = {
      kind: 'answer',
      channel: 'in_person',
      reaction: 'Compris',
      satisfaction: 'satisfied',
    } as const;
    expect(complaintTransition(c('decided'), answer)).toEqual({ ok: true, state: 'answered' });
    expect(complaintTransition(c('answered'), { kind: 'close' })).toEqual({
      ok: true,
      state: 'closed',
    });
  });

  it('requires a decision before the answer and the answer before closing', () => {
    expect(complaintTransition(c('investigating'), { kind: 'close' })).toMatchObject({
      ok: false,
      rule: 'complaints.wrong_state',
    });
    const r = complaintTransition(c('investigating'), {
      kind: 'answer',
      channel: 'in_person',
      reaction: '',
      satisfaction: 'unknown',
    });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain('décision');
    expect(
      complaintTransition(c('investigating'), {
        kind: 'decide',
        decision: 'rejected',
        reason: ' ',
      }),
    ).toMatchObject({ ok: false, rule: 'complaints.decision_reason' });
  });

  it('answers through the channel used, reopens with a reason, appeals decided cases', () => {
    const answer = (channel: 'sms' | 'in_person') =>
      ({ kind: 'answer', channel, reaction: '', satisfaction: 'unknown' }) as const;
    expect(complaintTransition(c('decided'), answer('sms'))).toMatchObject({
      ok: false,
      rule: 'complaints.answer_channel',
    });
    expect(complaintTransition(c('decided', { anonymous: true }), answer('sms')).ok).toBe(true);
    expect(complaintTransition(c('closed'), { kind: 'reopen', reason: 'nouvel élément' })).toEqual({
      ok: true,
      state: 'investigating',
    });
    expect(canAppeal(c('closed', { decision: 'rejected' }))).toBe(true);
    expect(canAppeal(c('investigating'))).toBe(false);
  });
});
