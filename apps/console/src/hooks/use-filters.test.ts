import { describe, expect, it } from 'vitest';
import { filtersOf, queryOf } from './use-filters';

describe('filters in the URL', () => {
  it('round-trips the known filters and drops unknown or empty ones', () => {
    const f = filtersOf('/?zone=mopti.koro&status=received&from=2026-03-01&evil=1&userId=');
    expect(f).toEqual({ zone: 'mopti.koro', status: 'received', from: '2026-03-01' });
    expect(queryOf(f)).toBe('?zone=mopti.koro&from=2026-03-01&status=received');
    expect(queryOf({})).toBe('');
    expect(filtersOf('/')).toEqual({});
  });
  it('encodes values', () => {
    expect(queryOf({ zone: 'a&b=c' })).toBe('?zone=a%26b%3Dc');
    expect(filtersOf(`/x${queryOf({ zone: 'a&b=c' })}`)).toEqual({ zone: 'a&b=c' });
  });
});
