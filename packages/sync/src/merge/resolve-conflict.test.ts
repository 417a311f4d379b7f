import { describe, expect, it } from 'vitest';
import { patch, run, stateOf } from '../test-support/merge-fixtures';
import { mergeMutation } from './merge-mutation';
import { resolveConflict } from './resolve-conflict';
import type { ServerRecordState } from './types';

/** Version 2: B renamed m1; A's rename from version 1 is queued. */
function queued(): ServerRecordState {
  const { server } = run(stateOf(), [['B', patch(1, { 'members.m1.firstName': 'Aminata' })]]);
  return server!;
}

describe('resolveConflict', () => {
  it('choosing the incoming value makes a new version stamped by the resolver', () => {
    const result = resolveConflict(queued(), 'members.m1.firstName', 'Awa K.', 'user:sup.koro');
    expect(result).toMatchObject({
      ok: true,
      state: {
        version: 3,
        fieldVersions: { 'members.m1.firstName': { version: 3, by: 'user:sup.koro' } },
      },
    });
    if (result.ok)
      expect((result.state.record['members'] as { firstName: string }[])[0]?.firstName).toBe(
        'Awa K.',
      );
  });

  it("keeping the server's value changes nothing", () => {
    const state = queued();
    expect(resolveConflict(state, 'members.m1.firstName', 'Aminata', 'user:s')).toEqual({
      ok: true,
      state,
    });
  });

  it('a resolution is concurrent for tablets that edited from before it', () => {
    const result = resolveConflict(queued(), 'members.m1.firstName', 'Awa K.', 'user:s');
    if (!result.ok) throw new Error('expected ok');
    const late = mergeMutation({
      server: result.state,
      mutation: patch(2, { 'members.m1.firstName': 'Awa' }),
      deviceId: 'B',
      isCritical: () => true,
    });
    expect(late.outcome).toBe('conflict_queued');
  });

  it('can remove a value and restore a removed member with its id', () => {
    const removed = resolveConflict(queued(), 'members.m2', null, 'user:s');
    if (!removed.ok) throw new Error('expected ok');
    expect(removed.state.record['members']).toHaveLength(1);
    const restored = resolveConflict(removed.state, 'members.m2.occupation', 'maçon', 'user:s');
    expect(restored.ok && restored.state.record['members']).toEqual([
      { id: 'm1', firstName: 'Aminata', sex: 'F', occupation: 'vendeuse' },
      { id: 'm2', occupation: 'maçon' },
    ]);
  });

  it('refuses to resolve on a deleted record', () => {
    expect(resolveConflict({ ...queued(), deleted: true }, 'phone', '7', 'user:s')).toEqual({
      ok: false,
      error: { code: 'record_deleted' },
    });
  });
});
