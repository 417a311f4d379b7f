import type { z } from 'zod';
import { AppError } from '../errors/app-error';

/**
 * Parses request input with a zod schema; a failure is a 400 whose details list each problem with its
 * field path, so the caller can see which field broke which rule.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  code: 'invalid_body' | 'invalid_query' = 'invalid_body',
): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues
    .slice(0, 20)
    .map((i) => ({ path: i.path.map(String).join('.'), rule: i.code, message: i.message }));
  const first = issues[0];
  const message =
    first === undefined
      ? undefined
      : `Champ « ${first.path === '' ? '(corps)' : first.path} » invalide : ${first.message}.`;
  throw new AppError(code, { ...(message === undefined ? {} : { message }), details: { issues } });
}
