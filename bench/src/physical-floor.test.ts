import { describe, expect, it } from 'vitest';
import { compressedSize, physicalFloorMs } from './physical-floor';

describe('physicalFloorMs', () => {
  it('adds transfer time at the link rate to one round trip per request', () => {
    // 40 000 B at 20 000 B/s = 2 s, plus 2 round trips of 700 ms.
    expect(physicalFloorMs({ latencyMs: 700, bandwidthBytesPerSec: 20_000 }, 40_000, 2)).toBe(3400);
  });
});

describe('compressedSize', () => {
  it('is far below the JSON size for repetitive records', () => {
    const records = Array.from({ length: 200 }, (_, i) => ({
      id: `id-${i}`,
      village: 'Dioungani',
      result: 'complete',
    }));
    expect(compressedSize(records)).toBeLessThan(JSON.stringify(records).length / 4);
  });
});
