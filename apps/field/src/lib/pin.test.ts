import { describe, expect, it } from 'vitest';
import { hashPin, isValidPin, verifyPin } from './pin';

describe('PIN hashing (PBKDF2, WebCrypto)', () => {
  it('verifies the right PIN only, with a random salt per hash', async () => {
    const a = await hashPin('2468', 1000);
    const b = await hashPin('2468', 1000);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(a.hash).not.toContain('2468');
    expect(await verifyPin('2468', a)).toBe(true);
    expect(await verifyPin('2469', a)).toBe(false);
  });

  it('accepts 4 to 8 digits', () => {
    expect(isValidPin('123')).toBe(false);
    expect(isValidPin('1234')).toBe(true);
    expect(isValidPin('12345678')).toBe(true);
    expect(isValidPin('12a4')).toBe(false);
  });
});
