import { describe, expect, it } from 'vitest';
import { bestOffset, offsetOf } from './clock-offset';

const server = Date.parse('2026-03-15T09:00:00.000Z');

describe('clock offset', () => {
  it('reads the server clock at the midpoint of the round trip', () => {
    const device2001 = Date.parse('2001-01-01T00:00:00.000Z');
    expect(
      offsetOf({ sentAt: device2001, receivedAt: device2001 + 800, serverTime: server + 400 }),
    ).toEqual({ offsetMs: server - device2001, uncertaintyMs: 400 });
  });

  it('a tablet a year ahead gets a negative offset', () => {
    const ahead = server + 365 * 86_400_000;
    expect(
      offsetOf({ sentAt: ahead, receivedAt: ahead + 300, serverTime: server + 150 }).offsetMs,
    ).toBe(-365 * 86_400_000);
  });

  it('keeps the sample with the shortest round trip', () => {
    const samples = [
      { sentAt: 0, receivedAt: 3_000, serverTime: 5_000 }, // slow: a queue on the way there
      { sentAt: 10_000, receivedAt: 10_400, serverTime: 15_200 },
    ];
    expect(bestOffset(samples)).toEqual({ offsetMs: 5_000, uncertaintyMs: 200 });
    expect(bestOffset([])).toBeUndefined();
  });
});
