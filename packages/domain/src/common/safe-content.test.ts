import { describe, expect, it } from 'vitest';
import { personNameSchema } from './person-name';
import { longTextSchema, shortTextSchema } from './primitives';
import { findContentProblem, MAX_JSON_DEPTH, unsafeCharacterIn } from './safe-content';

/** `[[[…]]]` `depth` levels deep, built without recursion. */
function nested(depth: number): unknown {
  let v: unknown = 'fond';
  for (let i = 0; i < depth; i += 1) v = [v];
  return v;
}

describe('unsafe characters', () => {
  it.each([
    ['NUL', 'Sé\u0000kou', 'U+0000'],
    ['a terminal escape sequence', 'Sékou\u001b[2J', 'U+001B'],
    ['a C1 control (CSI)', 'a\u009b31m', 'U+009B'],
    ['DEL', 'a\u007f', 'U+007F'],
    ['a lone high surrogate', 'a\ud83d', 'U+D83D'],
    ['a lone low surrogate', '\ude00b', 'U+DE00'],
  ])('finds %s', (_, text, code) => {
    expect(unsafeCharacterIn(text)).toBe(code);
  });

  it('lets through letters of the national languages, an emoji pair, tabs and new lines', () => {
    expect(unsafeCharacterIn('Ɲɛ́nɛ ŋ ɔ ɓ ɗ ƴ N’Diaye 😀\tligne\r\nsuivante')).toBeUndefined();
  });

  it('the text primitives refuse them with a French reason', () => {
    for (const schema of [shortTextSchema, longTextSchema, personNameSchema]) {
      const parsed = schema.safeParse('Fanta\u0000');
      expect(parsed.success).toBe(false);
      const first = parsed.error?.issues[0];
      expect(first?.code === 'custom' ? first.params : undefined).toEqual({
        reason: 'caractère de contrôle interdit (U+0000)',
      });
    }
  });

  it('the text primitives output NFC, trimmed', () => {
    const decomposed = '  Se\u0301kou ';
    expect(personNameSchema.parse(decomposed)).toBe('S\u00e9kou');
    expect(shortTextSchema.parse(decomposed)).toBe('S\u00e9kou');
  });
});

describe('findContentProblem', () => {
  it('measures a value thousands of levels deep without overflowing the stack', () => {
    const problem = findContentProblem({ notes: nested(100_000) });
    expect(problem?.rule).toBe('content.too_deep');
    expect(problem?.path).toBe(`notes${'.0'.repeat(MAX_JSON_DEPTH - 1)}`);
    expect(problem?.message).toContain(`au plus ${MAX_JSON_DEPTH} niveaux`);
  });

  it('accepts exactly the limit', () => {
    expect(findContentProblem(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(findContentProblem(nested(MAX_JSON_DEPTH + 1))?.rule).toBe('content.too_deep');
  });

  it('names the field of an unsafe string, with its French label', () => {
    const problem = findContentProblem(
      { members: [{ firstName: 'Awa' }, { firstName: 'Sali\u001b]0;x\u0007' }] },
      '',
    );
    expect(problem).toEqual({
      path: 'members.1.firstName',
      rule: 'content.control_character',
      message: 'Prénom (« members.1.firstName ») : caractère de contrôle interdit (U+001B).',
    });
  });

  it('checks object keys too, and prefixes the base path', () => {
    expect(findContentProblem({ 'a\u0000': 1 }, 'dwelling')?.path).toBe('dwelling.a\u0000');
    expect(findContentProblem('ok', 'notes')).toBeUndefined();
  });
});
