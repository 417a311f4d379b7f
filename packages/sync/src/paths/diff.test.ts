import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isJsonObject, type Json, type JsonObject } from '../json';
import { recordArb } from '../test-support/arbitraries';
import { applyChanges } from './apply-changes';
import { diffRecords } from './diff';
import { isKeyedArray } from './tree';

const base = {
  id: 'h1',
  gps: { lat: 1, lon: 2 },
  members: [
    { id: 'm1', firstName: 'Awa', sex: 'F' },
    { id: 'm2', firstName: 'Moussa', sex: 'M' },
  ],
};

describe('diffRecords', () => {
  it('is empty for equal records, whatever their key order', () => {
    expect(diffRecords(base, { members: base.members, gps: { lon: 2, lat: 1 }, id: 'h1' })).toEqual(
      {},
    );
  });

  it('sends only the changed member field', () => {
    const after = { ...base, members: [base.members[0]!, { ...base.members[1]!, sex: 'F' }] };
    expect(diffRecords(base, after)).toEqual({ 'members.m2.sex': 'F' });
  });

  it('removes a member with one null at members.<id>', () => {
    expect(diffRecords(base, { ...base, members: [base.members[0]!] })).toEqual({
      'members.m2': null,
    });
  });

  it('removes the last members one by one, leaving []', () => {
    const changes = diffRecords(base, { ...base, members: [] });
    expect(changes).toEqual({ 'members.m1': null, 'members.m2': null });
    expect(applyChanges(base, changes)).toEqual({ ...base, members: [] });
  });

  it('adds a member with all its fields, id included', () => {
    const added = { id: 'm3', firstName: 'Fanta', sex: 'F' };
    expect(diffRecords(base, { ...base, members: [...base.members, added] })).toEqual({
      'members.m3.id': 'm3',
      'members.m3.firstName': 'Fanta',
      'members.m3.sex': 'F',
    });
  });

  it('removes a key with null and ignores null-valued properties', () => {
    expect(diffRecords(base, { id: 'h1', members: base.members, gps: null })).toEqual({
      gps: null,
    });
  });

  it('replaces an object by a keyed array with a removal then the children', () => {
    const changes = diffRecords({ x: { a: 1 } }, { x: [{ id: 'k', v: 1 }] });
    expect(changes).toEqual({ x: null, 'x.k.id': 'k', 'x.k.v': 1 });
    expect(applyChanges({ x: { a: 1 } }, changes)).toEqual({ x: [{ id: 'k', v: 1 }] });
  });

  it('applyChanges(a, diffRecords(a, b)) = b when b appends its new children (property)', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (a, b) => {
        const target = appendOrder(a, b) as JsonObject;
        expect(applyChanges(a, diffRecords(a, target))).toEqual(target);
      }),
      { seed: 7, numRuns: 500 },
    );
  });

  it('applyChanges(a, diffRecords(a, b)) = b up to the order of children, for any b (property)', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (a, b) => {
        expect(sortChildren(applyChanges(a, diffRecords(a, b)))).toEqual(sortChildren(b));
      }),
      { seed: 8, numRuns: 500 },
    );
  });

  it('applyChanges(a, diffRecords(a, b)) = b for b derived from a (property)', () => {
    fc.assert(
      fc.property(
        recordArb,
        recordArb,
        fc.array(fc.boolean(), { maxLength: 8 }),
        (a, extra, keep) => {
          // b keeps some of a's keys and adds others: overlapping keys exercise the recursive cases.
          const b: JsonObject = {};
          Object.keys(a).forEach((key, i) => {
            if (keep[i] ?? true) b[key] = a[key]!;
          });
          for (const key of Object.keys(extra)) b[key] = extra[key]!;
          const target = appendOrder(a, b) as JsonObject;
          expect(applyChanges(a, diffRecords(a, target))).toEqual(target);
        },
      ),
      { seed: 9, numRuns: 300 },
    );
  });
});

/** `after` with each keyed array reordered the way applyChanges orders it: kept children first, in `before`'s order. */
function appendOrder(before: Json | undefined, after: Json): Json {
  if (isKeyedArray(after)) {
    const old = isKeyedArray(before) ? before : [];
    const byId = new Map(old.map((child) => [child['id'], child]));
    const kept = old.filter((child) => after.some((c) => c['id'] === child['id']));
    const fresh = after.filter((child) => !byId.has(child['id']));
    return [...kept.map((child) => after.find((c) => c['id'] === child['id'])!), ...fresh].map(
      (child) => appendOrder(byId.get(child['id']), child),
    );
  }
  if (isJsonObject(after)) {
    const prev = isJsonObject(before) ? before : {};
    return Object.fromEntries(
      Object.keys(after).map((key) => [key, appendOrder(prev[key], after[key]!)]),
    );
  }
  return after;
}

function sortChildren(value: Json): Json {
  if (isKeyedArray(value)) {
    return [...value]
      .sort((x, y) => (x['id'] as string).localeCompare(y['id'] as string))
      .map(sortChildren);
  }
  if (isJsonObject(value))
    return Object.fromEntries(Object.keys(value).map((key) => [key, sortChildren(value[key]!)]));
  return value;
}
