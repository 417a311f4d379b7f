import { isCriticalPath } from '@jigi/domain';
import { describe, expect, it } from 'vitest';
import {
  create,
  household,
  isCritical,
  patch,
  remove,
  run,
  stateOf,
} from '../test-support/merge-fixtures';
import { mergeMutation } from './merge-mutation';
import type { MergeDecision, ServerRecordState } from './types';

function outcome(decision: MergeDecision | undefined): string | undefined {
  if (decision === undefined) return undefined;
  return decision.outcome === 'rejected' ? `rejected:${decision.rejection.code}` : decision.outcome;
}
const at = (version: number, by: string, ...paths: string[]) =>
  Object.fromEntries(paths.map((p) => [p, { version, by }]));
/** Version 3 of the household, where device B changed m2's occupation and the phone at version 2 and 3. */
const edited: ServerRecordState = {
  ...stateOf(),
  version: 3,
  fieldVersions: { ...at(2, 'B', 'members.m2.occupation'), ...at(3, 'B', 'phone') },
};

describe('mergeMutation: one mutation against one server state', () => {
  it.each<
    [string, string, ServerRecordState | null, Parameters<typeof mergeMutation>[0]['mutation']]
  >([
    ['create of a new id', 'applied', null, create()],
    ['create the server already has, same content', 'duplicate', stateOf(), create()],
    [
      'create of an existing id, other content',
      'rejected:record_exists',
      stateOf(),
      create(household([])),
    ],
    [
      'create over a deleted record',
      'rejected:record_deleted',
      { ...stateOf(), deleted: true },
      create(),
    ],
    ['patch from the current version', 'applied', stateOf(), patch(1, { phone: '71111111' })],
    [
      'patch from an old version, disjoint paths',
      'merged',
      edited,
      patch(1, { village: 'Bankass' }),
    ],
    [
      'patch whose values the server already has',
      'duplicate',
      edited,
      patch(1, { phone: '70000000', village: 'Koro' }),
    ],
    [
      'patch of a non-critical path changed since',
      'merged',
      edited,
      patch(1, { phone: '72222222' }),
    ],
    ['patch of an unknown record', 'rejected:unknown_record', null, patch(1, { phone: '7' })],
    [
      'patch of a deleted record',
      'rejected:record_deleted',
      { ...stateOf(), deleted: true, version: 2 },
      patch(1, { phone: '7' }),
    ],
    [
      'patch from a version the server never made',
      'rejected:invalid_base_version',
      stateOf(),
      patch(2, { phone: '7' }),
    ],
    ['patch changing the id', 'rejected:immutable_path', stateOf(), patch(1, { id: 'other' })],
    ['delete from the current version', 'applied', stateOf(), remove(1)],
    [
      'delete of a deleted record',
      'duplicate',
      { ...stateOf(), deleted: true, version: 2 },
      remove(1),
    ],
    ['delete of an unknown record', 'rejected:unknown_record', null, remove(1)],
    [
      'delete from a version another device changed since',
      'rejected:stale_delete',
      edited,
      remove(1),
    ],
  ])('%s → %s', (_name, expected, server, mutation) => {
    expect(outcome(mergeMutation({ server, mutation, deviceId: 'A', isCritical }))).toBe(expected);
  });

  it('rejects a mutation whose record type differs from the stored one', () => {
    const mutation = { ...patch(1, { phone: '7' }), recordType: 'ma_session' };
    expect(outcome(mergeMutation({ server: stateOf(), mutation, deviceId: 'A', isCritical }))).toBe(
      'rejected:type_mismatch',
    );
  });

  it('a create starts at version 1 with no field stamps', () => {
    const decision = mergeMutation({ server: null, mutation: create(), deviceId: 'A', isCritical });
    expect(decision).toMatchObject({
      state: { version: 1, fieldVersions: {}, record: household(), deleted: false },
    });
  });

  it('an applied patch bumps the version once and stamps the changed paths with it', () => {
    const decision = mergeMutation({
      server: edited,
      mutation: patch(3, { phone: '7', 'members.m1.occupation': 'couturière' }),
      deviceId: 'A',
      isCritical,
    });
    expect(decision.outcome).toBe('applied');
    if (decision.outcome === 'rejected') return;
    expect(decision.state.version).toBe(4);
    expect(decision.state.fieldVersions).toEqual({
      ...at(2, 'B', 'members.m2.occupation'),
      ...at(4, 'A', 'phone', 'members.m1.occupation'),
    });
    expect(decision.appliedPaths).toEqual(['phone', 'members.m1.occupation']);
  });

  it('a duplicate leaves the state as it was', () => {
    const decision = mergeMutation({
      server: edited,
      mutation: patch(1, { phone: '70000000' }),
      deviceId: 'A',
      isCritical,
    });
    expect(decision).toMatchObject({ outcome: 'duplicate', state: edited });
  });

  it('a non-critical concurrent change wins by server order and reports the value it replaced', () => {
    const decision = mergeMutation({
      server: edited,
      mutation: patch(1, { phone: '72222222' }),
      deviceId: 'A',
      isCritical,
    });
    expect(decision).toMatchObject({
      outcome: 'merged',
      state: { version: 4, record: { phone: '72222222' } },
      overwritten: [{ path: 'phone', previousValue: '70000000', previousVersion: 3 }],
    });
  });

  it('a critical concurrent change is queued, the server value kept, the other paths applied', () => {
    const server: ServerRecordState = {
      ...stateOf(),
      version: 2,
      fieldVersions: at(2, 'B', 'members.m1.firstName'),
    };
    const decision = mergeMutation({
      server,
      mutation: patch(1, {
        'members.m1.firstName': 'Aminata',
        'members.m1.occupation': 'couturière',
      }),
      deviceId: 'A',
      isCritical,
    });
    expect(decision).toMatchObject({
      outcome: 'conflict_queued',
      appliedPaths: ['members.m1.occupation'],
      conflicts: [
        {
          path: 'members.m1.firstName',
          serverValue: 'Awa',
          incomingValue: 'Aminata',
          baseVersion: 1,
          serverVersion: 2,
        },
      ],
      state: {
        version: 3,
        record: { members: [{ firstName: 'Awa', occupation: 'couturière' }, {}] },
      },
    });
  });

  it('a conflict alone changes nothing on the server', () => {
    const server: ServerRecordState = {
      ...stateOf(),
      version: 2,
      fieldVersions: at(2, 'B', 'members.m1.sex'),
    };
    const decision = mergeMutation({
      server,
      mutation: patch(1, { 'members.m1.sex': 'M' }),
      deviceId: 'A',
      isCritical,
    });
    expect(decision).toMatchObject({ outcome: 'conflict_queued', appliedPaths: [], state: server });
  });

  it("a device's later mutation never conflicts with its own earlier one", () => {
    const server: ServerRecordState = {
      ...stateOf(),
      version: 2,
      fieldVersions: at(2, 'A', 'members.m1.sex'),
    };
    const decision = mergeMutation({
      server,
      mutation: patch(1, { 'members.m1.sex': 'M' }),
      deviceId: 'A',
      isCritical,
    });
    expect(decision.outcome).toBe('merged');
  });

  it('a delete from an old version is allowed when only this device changed the record since', () => {
    const server: ServerRecordState = {
      ...stateOf(),
      version: 2,
      fieldVersions: at(2, 'A', 'phone'),
    };
    expect(mergeMutation({ server, mutation: remove(1), deviceId: 'A', isCritical })).toMatchObject(
      { outcome: 'merged', state: { version: 3, deleted: true } },
    );
  });
});

describe('mergeMutation: concurrent devices, both orders', () => {
  it('disjoint members of a roster merge', () => {
    const a = ['A', patch(1, { 'members.m1.firstName': 'Aminata' })] as const;
    const b = ['B', patch(1, { 'members.m2.sex': 'F' })] as const;
    for (const steps of [
      [a, b],
      [b, a],
    ]) {
      const { server, decisions } = run(stateOf(), steps);
      expect(decisions.map(outcome)).toEqual(['applied', 'merged']);
      expect(server?.record['members']).toEqual([
        { id: 'm1', firstName: 'Aminata', sex: 'F', occupation: 'vendeuse' },
        { id: 'm2', firstName: 'Moussa', sex: 'F', occupation: 'cultivateur' },
      ]);
    }
  });

  it('two devices typing the same value do not conflict', () => {
    const { decisions } = run(stateOf(), [
      ['A', patch(1, { 'members.m1.sex': 'M' })],
      ['B', patch(1, { 'members.m1.sex': 'M' })],
    ]);
    expect(decisions.map(outcome)).toEqual(['applied', 'duplicate']);
  });

  it('new members added on two tablets both land, in server order', () => {
    const { server } = run(stateOf(), [
      ['A', patch(1, { 'members.m3.id': 'm3', 'members.m3.firstName': 'Fanta' })],
      ['B', patch(1, { 'members.m4.id': 'm4', 'members.m4.firstName': 'Issa' })],
    ]);
    expect((server?.record['members'] as { id: string }[]).map((m) => m.id)).toEqual([
      'm1',
      'm2',
      'm3',
      'm4',
    ]);
  });

  it('delete, then an edit made before it: the edit is rejected and the record stays deleted', () => {
    const { server, decisions } = run(stateOf(), [
      ['A', remove(1)],
      ['B', patch(1, { phone: '7' })],
    ]);
    expect(decisions.map(outcome)).toEqual(['applied', 'rejected:record_deleted']);
    expect(server).toMatchObject({ deleted: true, version: 2 });
  });

  it('edit, then a delete made before it: the delete is rejected and the edit kept', () => {
    const { server, decisions } = run(stateOf(), [
      ['B', patch(1, { phone: '7' })],
      ['A', remove(1)],
    ]);
    expect(decisions.map(outcome)).toEqual(['applied', 'rejected:stale_delete']);
    expect(server).toMatchObject({ deleted: false, version: 2, record: { phone: '7' } });
  });

  it('removal of a member, then a non-critical edit of it: the edit waits for a supervisor', () => {
    const { server, decisions } = run(stateOf(), [
      ['A', patch(1, { 'members.m2': null })],
      ['B', patch(1, { 'members.m2.occupation': 'maçon' })],
    ]);
    expect(decisions.map(outcome)).toEqual(['applied', 'conflict_queued']);
    expect(decisions[1]).toMatchObject({
      conflicts: [{ path: 'members.m2.occupation', serverValue: null, incomingValue: 'maçon' }],
    });
    expect(server?.record['members']).toHaveLength(1);
  });

  it('a non-critical edit of a member, then its removal (lines not critical): the removal wins, the member goes to history', () => {
    const namesOnly = (path: string) => /(^|\.)(firstName|sex)$/.test(path);
    const steps = [
      ['B', patch(1, { 'members.m2.occupation': 'maçon' })],
      ['A', patch(1, { 'members.m2': null })],
    ] as const;
    const { server, decisions } = run(stateOf(), steps, namesOnly);
    expect(decisions.map(outcome)).toEqual(['applied', 'merged']);
    expect(decisions[1]).toMatchObject({
      overwritten: [{ path: 'members.m2', previousValue: { id: 'm2', occupation: 'maçon' } }],
    });
    expect(server?.record['members']).toHaveLength(1);
  });

  it('a non-critical edit of a member, then its removal (lines critical, as in the domain): the removal waits', () => {
    const critical = (path: string) => isCriticalPath('ciblage_household', path);
    const steps = [
      ['B', patch(1, { 'members.m2.occupation': 'maçon' })],
      ['A', patch(1, { 'members.m2': null })],
    ] as const;
    const { server, decisions } = run(stateOf(), steps, critical);
    expect(decisions.map(outcome)).toEqual(['applied', 'conflict_queued']);
    expect(server?.record['members']).toHaveLength(2);
  });

  it('a critical edit of a member, then its removal: the removal waits for a supervisor, the member stays', () => {
    const { server, decisions } = run(stateOf(), [
      ['B', patch(1, { 'members.m2.sex': 'F' })],
      ['A', patch(1, { 'members.m2': null })],
    ]);
    expect(decisions.map(outcome)).toEqual(['applied', 'conflict_queued']);
    expect(decisions[1]).toMatchObject({
      conflicts: [{ path: 'members.m2', serverValue: { id: 'm2', sex: 'F' }, incomingValue: null }],
    });
    expect(server?.record['members']).toHaveLength(2);
  });

  it('removal of a member, then a critical edit of it: the edit waits, the member stays removed', () => {
    const { server, decisions } = run(stateOf(), [
      ['A', patch(1, { 'members.m2': null })],
      ['B', patch(1, { 'members.m2.sex': 'F' })],
    ]);
    expect(decisions.map(outcome)).toEqual(['applied', 'conflict_queued']);
    expect(server?.record['members']).toHaveLength(1);
  });
});
