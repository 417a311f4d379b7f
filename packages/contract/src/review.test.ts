import { describe, expect, it } from 'vitest';
import { batchListQuerySchema, batchSchema, duplicateResolutionBodySchema } from './review';

const batch = {
  number: 7,
  batchId: '11111111-1111-4111-8111-111111111111',
  deviceId: 'device-1',
  deviceLabel: 'Tablette de Awa Traoré n° 1',
  userId: 'user-1',
  userName: 'Awa Traoré',
  receivedAt: '2026-03-15T10:12:00.000Z',
  clientTime: '2026-03-15T10:12:00.000Z',
  clockOffsetMs: 0,
  counts: { ciblage_household: 2 },
  villages: ['village-1'],
};

describe('review contract', () => {
  it('requires what the server sends: no field is left optional « until the server sends it »', () => {
    expect(batchSchema.parse(batch)).toEqual(batch);
    for (const field of ['deviceLabel', 'userName', 'clientTime', 'clockOffsetMs'] as const) {
      const { [field]: _dropped, ...without } = batch;
      expect(batchSchema.safeParse(without).success, field).toBe(false);
    }
  });

  it('reads query numbers as the server does, with its bounds and defaults', () => {
    expect(batchListQuerySchema.parse({ limit: '20', offset: '40' })).toMatchObject({
      limit: 20,
      offset: 40,
    });
    expect(batchListQuerySchema.parse({})).toMatchObject({ limit: 50, offset: 0 });
    expect(batchListQuerySchema.safeParse({ limit: '501' }).success).toBe(false);
    expect(batchListQuerySchema.safeParse({ status: 'pending' }).success).toBe(false);
  });

  it('a duplicate decision names a group of at least two records, and merge names the one kept', () => {
    expect(
      duplicateResolutionBodySchema.safeParse({ action: 'keep_both', recordIds: ['a'] }).success,
    ).toBe(false);
    expect(
      duplicateResolutionBodySchema.safeParse({ action: 'merge', recordIds: ['a', 'b'] }).success,
    ).toBe(false);
    expect(
      duplicateResolutionBodySchema.parse({
        action: 'merge',
        recordIds: ['a', 'b'],
        keepRecordId: 'a',
      }),
    ).toEqual({ action: 'merge', recordIds: ['a', 'b'], keepRecordId: 'a' });
  });
});
