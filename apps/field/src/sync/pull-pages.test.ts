import { buildCiblageHousehold } from '@jigi/domain/testing';
import { pullResponseSchema } from '@jigi/sync';
import { describe, expect, it } from 'vitest';
import { pulledPageSchema } from './pull-pages';

const record = buildCiblageHousehold({});
const page = (changes: unknown[], extra: object = {}) =>
  JSON.parse(
    JSON.stringify({
      changes,
      nextCursor: 'e1.2',
      hasMore: false,
      serverTime: '2026-03-15T09:00:00.000Z',
      ...extra,
    }),
  ) as unknown;

describe('the pulled page schema', () => {
  it('reads a page as the protocol schema does', () => {
    const body = page([
      {
        seq: 1,
        entity: 'record',
        id: record.id,
        version: 3,
        deleted: false,
        data: record,
        meta: { pendingConflictPaths: ['householdCode'] },
      },
      { seq: 2, entity: 'village', id: 'v1', deleted: true },
    ]);
    expect(pulledPageSchema.parse(body)).toEqual(pullResponseSchema.parse(body));
  });

  it('still refuses a change whose data is not an object, or a page without its cursor', () => {
    expect(
      pulledPageSchema.safeParse(
        page([
          { seq: 1, entity: 'record', id: record.id, version: 3, deleted: false, data: [record] },
        ]),
      ).success,
    ).toBe(false);
    expect(
      pulledPageSchema.safeParse(
        page([{ seq: 1, entity: 'record', id: record.id, version: 3, deleted: false }]),
      ).success,
    ).toBe(false);
    expect(pulledPageSchema.safeParse(page([], { nextCursor: undefined })).success).toBe(false);
    expect(
      pulledPageSchema.safeParse(
        page([{ seq: 1, entity: 'record', id: '', version: 3, deleted: true }]),
      ).success,
    ).toBe(
      pullResponseSchema.safeParse(
        page([{ seq: 1, entity: 'record', id: '', version: 3, deleted: true }]),
      ).success,
    );
  });
});
