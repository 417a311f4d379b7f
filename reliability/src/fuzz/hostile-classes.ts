import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { pathsOf } from './mutate-json';
import type { WireBody } from './wire-body';

// The classes of content an adversarial client sent that the server once stored or answered 500 to
// (issue « Hardening »), one generator each. Each damages ONE leaf of a valid example (or adds the
// forged authorship fields), so the rest of the request stays valid and the class alone decides.

/** Stands for `[[[…]]]` nested `depth` deep: JSON.stringify itself overflows on such a value. */
const DEEP = (depth: number) => `__deep_${depth}__`;

/** Nesting far past the server's MAX_JSON_DEPTH (32), up to where recursion overflows the stack. */
export const deepNesting: fc.Arbitrary<string> = fc
  .oneof(fc.integer({ min: 33, max: 200 }), fc.integer({ min: 5_000, max: 40_000 }))
  .map(DEEP);

/** NUL, terminal escape sequences (ESC, CSI), DEL, backspace, lone surrogates, inside real text. */
export const controlText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom('Awa', 'Sékou', ''),
    fc.constantFrom(
      '\u0000',
      '\u001b[2J\u001b[H',
      '\u001b]0;pwn\u0007',
      '\u009b31m',
      '\u007f',
      '\u0008\u0008',
      '\ud800',
      '\udfff',
      '\u0001',
    ),
    fc.constantFrom('', ' Traoré', 'x'),
  )
  .map(([a, c, b]) => `${a}${c}${b}`);

/** Text in decomposed form (NFD) with stray spaces: must be stored composed and trimmed. */
export const decomposedText: fc.Arbitrary<string> = fc
  .tuple(
    fc.constantFrom(
      'Se\u0301kou',
      'Ko\u0300ne\u0301',
      'Ɲe\u0301nɛ',
      'Mai\u0308mouna',
      'Dembe\u0301le\u0301',
    ),
    fc.constantFrom('', ' ', '  '),
  )
  .map(([t, pad]) => `${pad}${t}${pad}`);

/** Cells a spreadsheet would run as formulas (the export side is checked by the export tests). */
export const formulaCells: fc.Arbitrary<string> = fc.constantFrom(
  '=1+2',
  "=cmd|' /C calc'!A0",
  '=HYPERLINK("http://exemple.invalid","clic")',
  '+22376000000',
  '-2+3',
  '@SUM(A1:A9)',
  '\t=1+1',
  '\r=1+1',
);

/** Authorship a client may claim: another user, another tablet. */
export const forgedAuthorship = fc.record({
  agentId: fc.constantFrom('user-admin', 'user-sup-koro', 'quelqu-un'),
  deviceId: fc.constantFrom('another-tablet', '00000000-0000-4000-8000-00000000dead'),
  userId: fc.constantFrom('user-admin', 'user-sup-koro'),
  createdBy: fc.constantFrom('user-admin'),
});

export type HostileClass =
  'deep_nesting' | 'control_characters' | 'decomposed_text' | 'formula_cells';

export const textClasses: Record<HostileClass, fc.Arbitrary<string>> = {
  deep_nesting: deepNesting,
  control_characters: controlText,
  decomposed_text: decomposedText,
  formula_cells: formulaCells,
};

/** The example with one leaf (a string leaf when there is one) replaced by a value of the class. */
export function oneLeaf(valid: unknown, value: fc.Arbitrary<string>): fc.Arbitrary<unknown> {
  const leaf = (p: (string | number)[]) =>
    p.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], valid);
  const all = pathsOf(valid).filter((p) => p.length > 0);
  const strings = all.filter((p) => typeof leaf(p) === 'string');
  const paths = strings.length > 0 ? strings : all;
  if (paths.length === 0) return value;
  return fc.tuple(fc.constantFrom(...paths), value).map(([path, v]) => {
    const copy = structuredClone(valid) as Record<string | number, unknown>;
    let node: Record<string | number, unknown> = copy;
    for (const key of path.slice(0, -1)) node = node[key] as Record<string | number, unknown>;
    node[path[path.length - 1] ?? ''] = v;
    return copy;
  });
}

/** The example with forged authorship fields set at its top level and in every object named `record`. */
export function forged(valid: unknown): fc.Arbitrary<unknown> {
  return forgedAuthorship.map((claim) => {
    const walk = (v: unknown, key: string | undefined, depth: number): unknown => {
      if (Array.isArray(v)) return v.map((x) => walk(x, undefined, depth + 1));
      if (typeof v !== 'object' || v === null) return v;
      const out = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x, k, depth + 1)]));
      if (key === 'record') return { ...out, agentId: claim.agentId, deviceId: claim.deviceId };
      if (depth === 0) return { ...out, userId: claim.userId, createdBy: claim.createdBy };
      return out;
    };
    return walk(valid, undefined, 0);
  });
}

/** JSON text of a value, with each deep-nesting marker expanded into the nesting it stands for. */
export function hostileJsonText(value: unknown): string {
  return (value === undefined ? 'null' : JSON.stringify(value)).replace(
    /"__deep_(\d+)__"/g,
    (_, depth: string) => `${'['.repeat(Number(depth))}"x"${']'.repeat(Number(depth))}`,
  );
}

/** The body as plain JSON or gzipped JSON, as the tablet and the console send them. */
export function hostileWire(value: fc.Arbitrary<unknown>): fc.Arbitrary<WireBody> {
  return fc.tuple(value, fc.boolean()).map(([v, gzip]) => {
    const text = hostileJsonText(v);
    return gzip
      ? {
          kind: 'gzip',
          payload: gzipSync(text),
          headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        }
      : {
          kind: 'json',
          payload: Buffer.from(text),
          headers: { 'content-type': 'application/json' },
        };
  });
}
