import { errorKindList } from '@jigi/sync';
import { describe, expect, it } from 'vitest';
import { remedyOfNetError, retryHint, type NetError } from './transport';

const http = (errorKind: (typeof errorKindList)[number]): NetError => ({
  kind: 'http',
  status: 500,
  code: 'x',
  errorKind,
  message: 'x',
});

describe('what the engine does about a failure', () => {
  it('resends after a timeout, a dropped connection, a server failure or a lost race', () => {
    expect(remedyOfNetError({ kind: 'timeout', message: '' })).toBe('resend');
    expect(remedyOfNetError({ kind: 'network', message: '' })).toBe('resend');
    expect(remedyOfNetError(http('server'))).toBe('resend');
    expect(remedyOfNetError(http('conflict'))).toBe('resend');
  });

  it('follows the kind for the rest, and never resends an answer that does not parse', () => {
    expect(remedyOfNetError({ kind: 'invalid', message: '' })).toBe('fix');
    expect(remedyOfNetError(http('gap'))).toBe('renumber');
    expect(remedyOfNetError(http('too_large'))).toBe('split');
    expect(remedyOfNetError(http('epoch_changed'))).toBe('refetch');
    expect(remedyOfNetError(http('rate_limited'))).toBe('wait');
    for (const kind of errorKindList)
      expect(remedyOfNetError(http(kind)) === 'fix').toBe(!retryHint(http(kind)).retryable);
  });
});
