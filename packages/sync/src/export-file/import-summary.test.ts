import { describe, expect, it } from 'vitest';
import { importSummarySchema } from './import-summary';

const answer = {
  deviceId: 'dev-1',
  userId: 'u1',
  exportedAt: '2026-01-02T10:30:00.000Z',
  pushes: 2,
  mutations: 3,
  outcomes: { applied: 1, merged: 0, duplicate: 1, conflict_queued: 0, rejected: 1 },
  rejections: { forbidden: 1 },
  batches: [41],
};

describe('import summary', () => {
  it("reads the server's answer, and one that leaves out outcomes of 0", () => {
    expect(importSummarySchema.parse(answer)).toEqual(answer);
    expect(importSummarySchema.parse({ ...answer, outcomes: { duplicate: 3 } }).outcomes).toEqual({
      duplicate: 3,
    });
  });

  it('refuses an outcome the protocol does not have, naming the field', () => {
    const parsed = importSummarySchema.safeParse({ ...answer, outcomes: { imported: 3 } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      code: 'unrecognized_keys',
      keys: ['imported'],
      path: ['outcomes'],
    });
  });
});
