import fc from 'fast-check';
import { hostileValue, injections } from './hostile-values';

type Path = (string | number)[];

/** Every path to a node of a JSON value (the root included). */
export function pathsOf(value: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  // Indexes, not value.forEach: a fuzzed array can carry an own property named forEach.
  if (Array.isArray(value))
    for (let i = 0; i < value.length; i++) out.push(...pathsOf(value[i] as unknown, [...at, i]));
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...at, k]));
  return out;
}

function setAt(root: unknown, path: Path, value: unknown, remove: boolean): unknown {
  if (path.length === 0) return value;
  const copy = structuredClone(root);
  let node: unknown = copy;
  for (const key of path.slice(0, -1)) {
    const next = isContainer(node) ? (node as Record<string | number, unknown>)[key] : undefined;
    if (!isContainer(next)) return setAt(root, path.slice(0, -1), value, remove); // damage the parent instead
    node = next;
  }
  const parent = node as Record<string | number, unknown>;
  const last = path[path.length - 1] ?? '';
  if (!isContainer(parent)) return value;
  if (remove) {
    if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
    else Reflect.deleteProperty(parent, last);
  } else parent[last] = value;
  return copy;
}

/** A value as a string; fast-check objects may have a `toString` key that is not a function, where String() throws. */
function asText(value: unknown): string {
  try {
    return String(value);
  } catch {
    return JSON.stringify(value);
  }
}

const isContainer = (v: unknown): v is object => typeof v === 'object' && v !== null;

const ops = ['replace', 'remove', 'extra_key', 'wrong_type'] as const;

/** A valid example with 1–3 seeded damages: a node replaced, removed, wrongly typed, or a key added. */
export function mutatedJson(valid: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(valid);
  const damage = fc.tuple(
    fc.nat({ max: paths.length - 1 }),
    fc.constantFrom(...ops),
    hostileValue,
    fc.string({ maxLength: 12 }),
  );
  return fc.array(damage, { minLength: 1, maxLength: 3 }).map((damages) => {
    let out = valid;
    for (const [i, op, value, key] of damages) {
      const present = pathsOf(out);
      const path = present[i % present.length] ?? [];
      if (op === 'replace') out = setAt(out, path, value, false);
      else if (op === 'remove') out = setAt(out, path, undefined, path.length > 0);
      else if (op === 'extra_key')
        out = setAt(out, [...path, key === '' ? '__proto__' : key], value, false);
      else out = setAt(out, path, typeof value === 'string' ? 42 : asText(value), false);
    }
    return out;
  });
}

/** The valid example with every string leaf replaced by an injection string (all at once). */
export function injectedEverywhere(valid: unknown): fc.Arbitrary<unknown> {
  return fc.infiniteStream(fc.constantFrom(...injections)).map((stream) => {
    const it = stream[Symbol.iterator]();
    const walk = (v: unknown): unknown => {
      if (typeof v === 'string') return it.next().value as string;
      if (Array.isArray(v)) return Array.from(v, (x: unknown) => walk(x)); // not v.map: it may be an own property
      if (typeof v === 'object' && v !== null)
        return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
      return v;
    };
    return walk(valid);
  });
}

/** The valid example with one text field replaced by an injection string (the rest stays valid). */
export function injectedOne(valid: unknown): fc.Arbitrary<unknown> {
  const textPaths = pathsOf(valid).filter(
    (p) =>
      typeof p.reduce<unknown>(
        (node, key) => (node as Record<string | number, unknown>)[key],
        valid,
      ) === 'string',
  );
  if (textPaths.length === 0) return fc.constant(valid);
  return fc
    .tuple(fc.constantFrom(...textPaths), fc.constantFrom(...injections))
    .map(([path, text]) => setAt(valid, path, text, false));
}
