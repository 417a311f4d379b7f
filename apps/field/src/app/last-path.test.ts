import { beforeEach, describe, expect, it } from 'vitest';
import { setMeta } from '../storage/meta';
import { freshDb } from '../test-support/db';
import { lastPathKey, resumePath } from './last-path';

beforeEach(async () => {
  await freshDb().open();
});

describe('resuming after an unlock', () => {
  it('reopens the last screen when the page was opened without one', async () => {
    await setMeta(lastPathKey('u1'), '/ciblage/abc');
    expect(await resumePath('u1', '')).toBe('/ciblage/abc');
    expect(await resumePath('u1', '#/')).toBe('/ciblage/abc');
  });

  it('keeps an explicit screen, and ignores other users and the home screen', async () => {
    await setMeta(lastPathKey('u1'), '/ciblage/abc');
    expect(await resumePath('u1', '#/ma')).toBeUndefined();
    expect(await resumePath('u2', '')).toBeUndefined();
    await setMeta(lastPathKey('u1'), '/');
    expect(await resumePath('u1', '')).toBeUndefined();
  });
});
