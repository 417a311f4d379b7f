import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AppError } from '../errors/app-error';
import { parseInput } from './validate';

function refusal(schema: z.ZodType, value: unknown): AppError {
  try {
    parseInput(schema, value);
  } catch (e: unknown) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('parseInput accepted the input');
}

describe('parseInput', () => {
  const body = z.object({ login: z.string().min(3), zones: z.array(z.string()).max(2) });

  it('names the field and the rule in French, never zod’s English', () => {
    const e = refusal(body, { zones: ['a', 'b', 'c'] });
    expect(e.code).toBe('invalid_body');
    expect(e.message).toBe('Champ « login » invalide : login : champ obligatoire.');
    expect(JSON.stringify(e.details)).not.toMatch(/Invalid input|expected/);
    expect(JSON.stringify(e.details)).toContain('au plus 2 éléments');
  });

  it('measures nesting and characters before the schema: a 400, not a stack overflow', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 50_000; i += 1) deep = [deep];
    expect(refusal(z.json(), { value: deep }).details).toMatchObject({
      issues: [{ rule: 'content.too_deep' }],
    });
    expect(refusal(body, { login: 'ad\u0000min', zones: [] }).message).toBe(
      '« login » : caractère de contrôle interdit (U+0000).',
    );
  });

  it('returns what the schema produced', () => {
    expect(parseInput(body, { login: 'admin', zones: [] })).toEqual({ login: 'admin', zones: [] });
  });
});
