import { describe, expect, it } from 'vitest';
import { isNetworkError } from './poor-link';

describe('isNetworkError', () => {
  it('recognises resets, directly or as a cause (node-fetch, undici)', () => {
    expect(isNetworkError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(
      true,
    );
    expect(
      isNetworkError(
        new TypeError('fetch failed', {
          cause: Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' }),
        }),
      ),
    ).toBe(true);
  });

  it('lets bugs through', () => {
    expect(
      isNetworkError(new TypeError("Cannot read properties of undefined (reading 'rev')")),
    ).toBe(false);
    expect(isNetworkError('ECONNRESET')).toBe(false);
  });
});
