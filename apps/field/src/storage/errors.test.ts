import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { attempt, toStorageError } from './errors';

describe('storage errors as values', () => {
  it('classifies a QuotaExceededError, also when Dexie wraps it', () => {
    const dom = new DOMException('full', 'QuotaExceededError');
    expect(toStorageError(dom).kind).toBe('quota');
    expect(toStorageError(new Dexie.AbortError('aborted', dom)).kind).toBe('quota');
  });

  it('classifies missing IndexedDB and unknown failures', () => {
    expect(toStorageError(new Dexie.MissingAPIError('no indexedDB')).kind).toBe('unavailable');
    expect(toStorageError(new Error('boom')).kind).toBe('unknown');
  });

  it('classifies a VersionError and a blocked/closed database', () => {
    expect(
      toStorageError(
        new Dexie.OpenFailedError('open failed', new DOMException('newer', 'VersionError')),
      ).kind,
    ).toBe('version');
    expect(toStorageError(new Dexie.DatabaseClosedError('closed')).kind).toBe('closed');
  });

  it('returns the value when nothing fails', async () => {
    expect(await attempt(() => Promise.resolve(42))).toEqual({ ok: true, value: 42 });
  });
});
