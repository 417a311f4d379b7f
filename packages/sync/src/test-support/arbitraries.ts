import fc from 'fast-check';
import type { Json, JsonObject } from '../json';

// Generators of record-shaped JSON. Object keys start with a letter and child ids with a digit, so a
// plain object can never look like a keyed array (the one shape flatten cannot tell apart, see README).
const keyChars = fc.constantFrom('a', 'b', 'c', 'é', 'Z', '.', '~', '_');
const idChars = fc.constantFrom('0', '1', '2', 'f', '-', '.', '~');

export const keyArb = fc
  .tuple(fc.constantFrom('a', 'b', 'n', 'x'), fc.string({ unit: keyChars, maxLength: 4 }))
  .map(([head, tail]) => head + tail)
  .filter((key) => key !== 'id');
export const idArb = fc
  .tuple(fc.constantFrom('1', '2', '3', '4'), fc.string({ unit: idChars, maxLength: 3 }))
  .map(([h, t]) => h + t);

const scalarArb: fc.Arbitrary<Json> = fc.oneof(
  fc.string({ maxLength: 5 }),
  fc.integer({ min: -5, max: 5 }),
  fc.boolean(),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (Object.is(x, -0) ? 0 : x)),
);
/** Arrays that stay leaves: strings, or objects without ids, nulls allowed inside. */
const leafArrayArb: fc.Arbitrary<Json> = fc.oneof(
  fc.array(fc.oneof(fc.string({ maxLength: 3 }), fc.constant(null)), { maxLength: 3 }),
  fc.array(fc.record({ n: fc.integer() }), { minLength: 1, maxLength: 2 }),
);

const { value: valueArb } = fc.letrec<{ value: Json; object: JsonObject; keyed: Json }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalarArb,
    leafArrayArb,
    tie('object'),
    tie('keyed'),
  ),
  object: fc.dictionary(keyArb, tie('value'), { maxKeys: 4 }),
  keyed: fc
    .uniqueArray(fc.tuple(idArb, fc.dictionary(keyArb, tie('value'), { maxKeys: 3 })), {
      selector: ([id]) => id,
      minLength: 1,
      maxLength: 3,
    })
    .map((children) => children.map(([id, fields]) => ({ ...fields, id }))),
}));

/** A record-like object: no null-valued properties (records never store null, see flattenRecord). */
export const recordArb: fc.Arbitrary<JsonObject> = fc.dictionary(keyArb, valueArb, { maxKeys: 5 });
