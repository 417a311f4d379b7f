import { describe, expect, it } from 'vitest';
import { errorKindList, errorKinds, isRetryable, remedyOf, retryDelayMs } from './error-kinds';

describe('error kinds', () => {
  it.each([
    ['validation', false],
    ['auth', false],
    ['forbidden', false],
    ['unsupported_version', false],
    ['gap', true],
    ['epoch_changed', true],
    ['too_large', true],
    ['rate_limited', true],
    ['server', true],
    ['conflict', true],
  ] as const)('%s retryable: %s', (kind, retryable) => {
    expect(isRetryable(kind)).toBe(retryable);
  });

  it('lists every kind', () => {
    expect(errorKindList).toEqual(Object.keys(errorKinds));
  });

  it('prefers the server retry-after, then doubles the hint per attempt, capped at 10 minutes', () => {
    expect(retryDelayMs('rate_limited', 1, 1234)).toBe(1234);
    expect(retryDelayMs('server', 1)).toBe(5_000);
    expect(retryDelayMs('server', 3)).toBe(20_000);
    expect(retryDelayMs('server', 30)).toBe(600_000);
    expect(retryDelayMs('gap', 5)).toBe(0);
  });

  it('never retries what cannot succeed', () => {
    expect(retryDelayMs('auth', 1, 1000)).toBeNull();
  });

  it('a kind is retryable exactly when something other than fixing its cause may work', () => {
    for (const kind of errorKindList) expect(isRetryable(kind)).toBe(remedyOf(kind) !== 'fix');
    expect(remedyOf('server')).toBe('resend');
    expect(remedyOf('rate_limited')).toBe('wait');
  });
});
