import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeSegment, joinPath, pathsOverlap, splitPath } from './path';

describe('field path segments', () => {
  it('leave camelCase keys and UUIDs as they are', () => {
    expect(joinPath(['members', '3f2a6c1e-0000-4000-8000-000000000001', 'firstName'])).toBe(
      'members.3f2a6c1e-0000-4000-8000-000000000001.firstName',
    );
  });

  it('escape dots and tildes so an id with a dot stays one segment', () => {
    expect(escapeSegment('a.b~c')).toBe('a~1b~0c');
    expect(splitPath('members.a~1b~0c.sex')).toEqual(['members', 'a.b~c', 'sex']);
  });

  it('round-trip any segments', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1 }), { minLength: 1 }), (segments) => {
        expect(splitPath(joinPath(segments))).toEqual(segments);
      }),
      { seed: 20261129 },
    );
  });

  it.each([
    ['members.a', 'members.a', true],
    ['members.a', 'members.a.sex', true],
    ['members.a.sex', 'members.a', true],
    ['members.a', 'members.ab', false],
    ['members.a.sex', 'members.b.sex', false],
  ])('overlap(%s, %s) is %s', (a, b, expected) => {
    expect(pathsOverlap(a, b)).toBe(expected);
  });
});
