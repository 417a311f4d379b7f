import { describe, expect, it } from 'vitest';
import { mutationResultSchema } from '../messages/mutation-result';
import { patch, run, stateOf } from '../test-support/merge-fixtures';
import { mutationResultOf } from './mutation-result-of';

describe('mutationResultOf', () => {
  it('turns every kind of decision into a valid wire result', () => {
    const steps = [
      ['B', patch(1, { 'members.m1.sex': 'M' })],
      ['A', patch(1, { 'members.m1.sex': 'F', phone: '7' })],
      ['A', patch(1, { phone: '7' })],
      ['A', patch(9, { phone: '8' })],
    ] as const;
    const { decisions } = run(stateOf(), steps);
    const results = steps.map(([, mutation], i) => mutationResultOf(mutation, decisions[i]!));
    for (const result of results) expect(mutationResultSchema.safeParse(result).success).toBe(true);
    expect(results.map((r) => r.outcome)).toEqual([
      'applied',
      'conflict_queued',
      'duplicate',
      'rejected',
    ]);
    expect(results[1]).toMatchObject({
      version: 3,
      conflictPaths: ['members.m1.sex'],
      appliedPaths: ['phone'],
    });
    expect(results[3]).toMatchObject({ error: { code: 'invalid_base_version' } });
  });

  it('adds warnings only when there are some', () => {
    const [[, mutation]] = [['A', patch(1, { phone: '7' })]] as const;
    const { decisions } = run(stateOf(), [['A', mutation]]);
    const warning = {
      path: 'phone',
      rule: 'phone_format',
      severity: 'warning',
      message: 'Téléphone inhabituel',
    } as const;
    expect(mutationResultOf(mutation, decisions[0]!)).not.toHaveProperty('warnings');
    expect(mutationResultOf(mutation, decisions[0]!, [warning])).toMatchObject({
      warnings: [warning],
    });
  });
});
