import { describe, expect, it } from 'vitest';
import { wireLimits } from '../limits';
import {
  deviceRegistrationRequestSchema,
  deviceRegistrationResponseSchema,
  sessionResponseSchema,
} from './auth';
import { errorEnvelopeSchema, mutationGapErrorSchema } from './error-envelope';
import { mutationSchema } from './mutation';
import { mutationResultSchema } from './mutation-result';
import { pullQuerySchema, pullResponseSchema } from './pull';
import { pushRequestSchema, pushResponseSchema } from './push';

const recordId = '0b6f3c1e-1111-4aaa-8bbb-000000000001';
const now = '2026-03-15T09:00:00.000Z';
const patchMutation = (
  mutationId: number,
  changes: Record<string, unknown> = { 'members.m1.sex': 'F' },
) => ({
  mutationId,
  recordId,
  recordType: 'ciblage_household',
  op: 'patch',
  baseVersion: 3,
  clientTime: now,
  changes,
});
const push = (mutations: unknown[]) => ({
  protocolVersion: 1,
  deviceId: 'dev-1',
  batchId: '0b6f3c1e-2222-4aaa-8bbb-000000000002',
  clientTime: now,
  mutations,
});
const ok = (schema: { safeParse: (v: unknown) => { success: boolean } }, value: unknown) =>
  schema.safeParse(value).success;

describe('mutation', () => {
  it('accepts create, patch and delete', () => {
    expect(
      ok(mutationSchema, {
        ...patchMutation(1),
        op: 'create',
        baseVersion: 0,
        changes: undefined,
        record: { id: recordId, type: 'ciblage_household' },
      }),
    ).toBe(true);
    expect(ok(mutationSchema, patchMutation(1))).toBe(true);
    expect(ok(mutationSchema, { ...patchMutation(1), op: 'delete', changes: undefined })).toBe(
      true,
    );
  });

  it('requires a create to carry its own id and type, from version 0', () => {
    const create = {
      ...patchMutation(1),
      op: 'create',
      baseVersion: 0,
      record: { id: recordId, type: 'ciblage_household' },
    };
    expect(
      ok(mutationSchema, { ...create, record: { id: 'other', type: 'ciblage_household' } }),
    ).toBe(false);
    expect(ok(mutationSchema, { ...create, record: { id: recordId, type: 'ma_session' } })).toBe(
      false,
    );
    expect(ok(mutationSchema, { ...create, baseVersion: 1 })).toBe(false);
  });

  it('requires a patch to change 1 to maxChangesPerPatch well-formed paths', () => {
    expect(ok(mutationSchema, patchMutation(1, {}))).toBe(false);
    const many = Object.fromEntries(
      Array.from({ length: wireLimits.maxChangesPerPatch + 1 }, (_, i) => [`f${i}`, i]),
    );
    expect(ok(mutationSchema, patchMutation(1, many))).toBe(false);
    expect(ok(mutationSchema, patchMutation(1, { 'a..b': 1 }))).toBe(false);
    expect(ok(mutationSchema, patchMutation(1, { 'a.b~2': 1 }))).toBe(false);
    expect(
      ok(mutationSchema, patchMutation(1, { 'lines.a~1b.status': 'present', gps: null })),
    ).toBe(true);
  });

  it('refuses mutation id 0, a patch from version 0 and a record id that is not a UUID', () => {
    expect(ok(mutationSchema, patchMutation(0))).toBe(false);
    expect(ok(mutationSchema, { ...patchMutation(1), baseVersion: 0 })).toBe(false);
    expect(ok(mutationSchema, { ...patchMutation(1), recordId: 'h1' })).toBe(false);
  });
});

describe('push', () => {
  it('accepts ascending consecutive mutation ids only', () => {
    expect(ok(pushRequestSchema, push([patchMutation(7), patchMutation(8)]))).toBe(true);
    expect(ok(pushRequestSchema, push([patchMutation(7), patchMutation(9)]))).toBe(false);
    expect(ok(pushRequestSchema, push([]))).toBe(false);
  });

  it('caps the number of mutations', () => {
    const max = Array.from({ length: wireLimits.maxMutationsPerPush }, (_, i) =>
      patchMutation(i + 1),
    );
    expect(ok(pushRequestSchema, push(max))).toBe(true);
    expect(ok(pushRequestSchema, push([...max, patchMutation(max.length + 1)]))).toBe(false);
  });

  it('answers one result per mutation, rejected ones with a coded error', () => {
    const response = {
      results: [
        { mutationId: 7, recordId, outcome: 'applied', version: 4 },
        {
          mutationId: 8,
          recordId,
          outcome: 'conflict_queued',
          version: 5,
          conflictPaths: ['members.m1.sex'],
          appliedPaths: [],
        },
        {
          mutationId: 9,
          recordId,
          outcome: 'rejected',
          error: {
            code: 'validation_failed',
            message: 'Âge invalide',
            issues: [
              {
                path: 'members.m1.ageYears',
                rule: 'age_range',
                severity: 'error',
                message: 'Âge invalide',
              },
            ],
          },
        },
      ],
      lastMutationId: 9,
      batchNumber: 12,
      serverTime: now,
    };
    expect(ok(pushResponseSchema, response)).toBe(true);
    expect(
      ok(mutationResultSchema, {
        mutationId: 9,
        recordId,
        outcome: 'rejected',
        error: { code: 'nope', message: '' },
      }),
    ).toBe(false);
    expect(
      ok(mutationResultSchema, {
        mutationId: 8,
        recordId,
        outcome: 'conflict_queued',
        version: 5,
        conflictPaths: [],
        appliedPaths: [],
      }),
    ).toBe(false);
    expect(ok(mutationResultSchema, { mutationId: 7, recordId, outcome: 'applied' })).toBe(false);
  });
});

describe('pull', () => {
  it('coerces query strings and bounds them', () => {
    expect(pullQuerySchema.parse({ cursor: 'e1.5', limit: '50', maxBytes: '100000' })).toEqual({
      cursor: 'e1.5',
      limit: 50,
      maxBytes: 100000,
    });
    expect(ok(pullQuerySchema, { limit: String(wireLimits.maxPullLimit + 1) })).toBe(false);
    expect(ok(pullQuerySchema, { maxBytes: '10' })).toBe(false);
    expect(ok(pullQuerySchema, { cursor: 'nope' })).toBe(false);
    expect(pullQuerySchema.parse({})).toEqual({});
  });

  it('carries content or a tombstone', () => {
    const page = (change: unknown) => ({
      changes: [change],
      nextCursor: 'e1.9',
      hasMore: false,
      serverTime: now,
    });
    expect(
      ok(
        pullResponseSchema,
        page({
          seq: 9,
          entity: 'record',
          id: recordId,
          deleted: false,
          version: 4,
          data: { id: recordId },
          meta: { reviewState: 'returned' },
        }),
      ),
    ).toBe(true);
    expect(
      ok(pullResponseSchema, page({ seq: 9, entity: 'village', id: 'v1', deleted: true })),
    ).toBe(true);
    expect(
      ok(pullResponseSchema, page({ seq: 9, entity: 'village', id: 'v1', deleted: false })),
    ).toBe(false);
    expect(ok(pullResponseSchema, page({ seq: 9, entity: 'user', id: 'u1', deleted: true }))).toBe(
      false,
    );
  });
});

describe('auth', () => {
  it('registers a device with login, password and label', () => {
    expect(
      ok(deviceRegistrationRequestSchema, {
        login: 'enq.koro',
        password: 'demo1234',
        deviceLabel: 'Tablette 3',
      }),
    ).toBe(true);
    expect(ok(deviceRegistrationRequestSchema, { login: 'enq.koro', password: 'demo1234' })).toBe(
      false,
    );
    const user = { id: 'u1', name: 'Awa Traoré', role: 'enumerator', zones: ['mopti.koro'] };
    expect(
      ok(deviceRegistrationResponseSchema, {
        deviceId: 'd1',
        deviceToken: 'x'.repeat(43),
        user,
        serverTime: now,
      }),
    ).toBe(true);
    expect(
      ok(sessionResponseSchema, {
        user: { ...user, role: 'chief' },
        expiresAt: now,
        serverTime: now,
      }),
    ).toBe(false);
  });
});

describe('errors', () => {
  it('are data with a known kind', () => {
    expect(
      ok(errorEnvelopeSchema, {
        error: {
          code: 'rate_limited',
          kind: 'rate_limited',
          message: 'Trop de tentatives',
          retryAfterMs: 30000,
        },
      }),
    ).toBe(true);
    expect(ok(errorEnvelopeSchema, { error: { code: 'x', kind: 'teapot', message: '' } })).toBe(
      false,
    );
  });

  it('the gap answer names the expected mutation id', () => {
    const gap = {
      error: {
        code: 'mutation_gap',
        kind: 'gap',
        message: 'Trou',
        details: { expectedMutationId: 8 },
      },
    };
    expect(ok(mutationGapErrorSchema, gap)).toBe(true);
    expect(ok(errorEnvelopeSchema, gap)).toBe(true);
    expect(ok(mutationGapErrorSchema, { error: { ...gap.error, details: {} } })).toBe(false);
  });
});
