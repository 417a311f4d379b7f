import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordArb } from '../test-support/arbitraries';
import { applyChanges, unflattenRecord } from './apply-changes';
import { flattenRecord } from './flatten';

const m1 = '3f2a0000-0000-4000-8000-000000000001';
const m2 = '3f2a0000-0000-4000-8000-000000000002';
const household = {
  id: 'h1',
  type: 'ciblage_household',
  gps: { lat: 14.1, lon: -3.2 },
  themes: ['nutrition', 'hygiene'],
  members: [
    { id: m1, firstName: 'Awa', sex: 'F' },
    { id: m2, firstName: 'Moussa', sex: 'M' },
  ],
};

describe('flattenRecord', () => {
  it('recurses into objects by key and into keyed arrays by id; other arrays are leaves', () => {
    expect(flattenRecord(household)).toEqual({
      id: 'h1',
      type: 'ciblage_household',
      'gps.lat': 14.1,
      'gps.lon': -3.2,
      themes: ['nutrition', 'hygiene'],
      [`members.${m1}.id`]: m1,
      [`members.${m1}.firstName`]: 'Awa',
      [`members.${m1}.sex`]: 'F',
      [`members.${m2}.id`]: m2,
      [`members.${m2}.firstName`]: 'Moussa',
      [`members.${m2}.sex`]: 'M',
    });
  });

  it('keeps empty containers as leaves and drops null properties', () => {
    expect(flattenRecord({ members: [], notes: {}, gone: null, list: [null] })).toEqual({
      members: [],
      notes: {},
      list: [null],
    });
  });

  it('treats arrays with duplicate or missing ids as leaves', () => {
    const twice = [{ id: 'a' }, { id: 'a' }];
    expect(flattenRecord({ twice, missing: [{ id: 'a' }, { x: 1 }] })).toEqual({
      twice,
      missing: [{ id: 'a' }, { x: 1 }],
    });
  });

  it('escapes ids that contain dots', () => {
    expect(flattenRecord({ lines: [{ id: 'a.b', status: 'present' }] })).toEqual({
      'lines.a~1b.id': 'a.b',
      'lines.a~1b.status': 'present',
    });
  });
});

describe('unflattenRecord', () => {
  it('inverts flattenRecord, keeping the order of children', () => {
    expect(unflattenRecord(flattenRecord(household))).toEqual(household);
  });

  it('round-trips any record-shaped value (property)', () => {
    fc.assert(
      fc.property(recordArb, (record) => {
        expect(unflattenRecord(flattenRecord(record))).toEqual(record);
      }),
      { seed: 42, numRuns: 500 },
    );
  });

  it('never writes through __proto__', () => {
    const record = unflattenRecord({ '__proto__.polluted': 'yes', 'a.__proto__': 1 });
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
    expect(Object.keys(record)).toEqual(['__proto__', 'a']);
  });
});

describe('applyChanges', () => {
  it('removes a child with null and keeps an empty roster as []', () => {
    const one = { members: [{ id: m1, sex: 'F' }] };
    expect(applyChanges(one, { [`members.${m1}`]: null })).toEqual({ members: [] });
  });

  it('appends a new child, giving it its id, in the order of the patch', () => {
    const result = applyChanges(
      { members: [] },
      { [`members.${m2}.sex`]: 'M', [`members.${m1}.sex`]: 'F' },
    );
    expect(result).toEqual({
      members: [
        { id: m2, sex: 'M' },
        { id: m1, sex: 'F' },
      ],
    });
  });

  it('creates a keyed array when every new child names itself', () => {
    expect(applyChanges({}, { 'children.c1.id': 'c1', 'children.c1.name': 'Ali' })).toEqual({
      children: [{ id: 'c1', name: 'Ali' }],
    });
    expect(applyChanges({}, { 'gps.lat': 1, 'gps.lon': 2 })).toEqual({ gps: { lat: 1, lon: 2 } });
  });

  it('replaces a leaf by a container and a container by a leaf', () => {
    expect(applyChanges({ a: 5 }, { 'a.b': 1 })).toEqual({ a: { b: 1 } });
    expect(applyChanges({ a: { b: 1 } }, { a: 'x' })).toEqual({ a: 'x' });
  });

  it('does not touch its input and ignores removals of absent paths', () => {
    const input = { a: { b: 1 } };
    expect(applyChanges(input, { 'a.b': 2, 'x.y': null })).toEqual({ a: { b: 2 } });
    expect(input).toEqual({ a: { b: 1 } });
  });
});
