import { describe, expect, it } from 'vitest';
import { isPaylistFrozen, roundTransition, type RoundFacts } from './payment-rounds';

const round = (number: number, state: RoundFacts['state'], extra: Partial<RoundFacts> = {}) => ({
  id: `r${number}`,
  communeId: 'mopti.koro.koro',
  number,
  state,
  ...extra,
});

describe('roundTransition', () => {
  it('walks planning → generated → approved → in payment → reconciled → closed', () => {
    let r: RoundFacts = round(1, 'planning');
    const steps = [
      ['generate', 'awa'],
      ['approve', 'moussa'],
      ['start_payment', 'moussa'],
      ['reconcile', 'awa'],
      ['close', 'awa'],
    ] as const;
    const seen: string[] = [];
    for (const [action, actor] of steps) {
      const t = roundTransition(r, action, actor, [r]);
      if (!t.ok) throw new Error(t.message);
      r = { ...r, state: t.state, generatedBy: action === 'generate' ? actor : r.generatedBy };
      seen.push(t.state);
    }
    expect(seen).toEqual(['generated', 'approved', 'in_payment', 'reconciled', 'closed']);
  });

  it('refuses self-approval and accepts a second person', () => {
    const r = round(1, 'generated', { generatedBy: 'awa' });
    const self = roundTransition(r, 'approve', 'awa', [r]);
    expect(self).toMatchObject({ ok: false, rule: 'payments.self_approval' });
    expect(roundTransition(r, 'approve', 'moussa', [r])).toEqual({ ok: true, state: 'approved' });
  });

  it('refuses approving round N + 1 while round N is in payment, accepts once reconciled', () => {
    const next = round(2, 'generated', { generatedBy: 'awa' });
    for (const state of ['generated', 'approved', 'in_payment'] as const) {
      const t = roundTransition(next, 'approve', 'moussa', [round(1, state), next]);
      expect(t).toMatchObject({ ok: false, rule: 'payments.previous_round_open' });
      if (!t.ok) expect(t.message).toContain('n° 1');
    }
    for (const state of ['reconciled', 'closed'] as const)
      expect(roundTransition(next, 'approve', 'moussa', [round(1, state), next]).ok).toBe(true);
    // Another commune's open round does not hold this one back.
    const elsewhere = { ...round(1, 'in_payment'), id: 'x', communeId: 'gao.gao.gao' };
    expect(roundTransition(next, 'approve', 'moussa', [elsewhere, next]).ok).toBe(true);
  });

  it('refuses actions from the wrong state with the state named', () => {
    const t = roundTransition(round(1, 'planning'), 'approve', 'moussa', []);
    expect(t).toMatchObject({ ok: false, rule: 'payments.wrong_state' });
    if (!t.ok) expect(t.message).toContain('En préparation');
    expect(roundTransition(round(1, 'closed'), 'reconcile', 'a', []).ok).toBe(false);
    expect(
      roundTransition(round(1, 'generated', { generatedBy: 'a' }), 'regenerate', 'a', []).ok,
    ).toBe(true);
  });

  it('freezes the paylist from approval on', () => {
    expect(isPaylistFrozen('generated')).toBe(false);
    expect(isPaylistFrozen('approved')).toBe(true);
    expect(isPaylistFrozen('closed')).toBe(true);
  });
});
