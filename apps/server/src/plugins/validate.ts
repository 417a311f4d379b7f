import { findContentProblem, fromZodIssues } from '@jigi/domain';
import type { z } from 'zod';
import { AppError } from '../errors/app-error';

/**
 * Parses request input with a zod schema; a failure is a 400 whose details list each problem with its
 * field path, so the caller can see which field broke which rule. Before the schema, the input's
 * content is measured without recursion (`findContentProblem`): nesting deeper than MAX_JSON_DEPTH or
 * a control character in any string is a 400 too, never the stack overflow of a recursive schema.
 * `content: 'unchecked'` leaves that to the caller (a push checks each mutation's content on its own,
 * so that one bad mutation is refused alone).
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  value: unknown,
  code: 'invalid_body' | 'invalid_query' = 'invalid_body',
  options: { content?: 'checked' | 'unchecked' } = {},
): z.infer<S> {
  if (options.content !== 'unchecked') {
    const problem = findContentProblem(value);
    if (problem !== undefined)
      throw new AppError(code, {
        message: problem.message,
        details: { issues: [{ path: problem.path, rule: problem.rule, message: problem.message }] },
      });
  }
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  // French, naming the field and the rule (the domain's mapping of zod issues): zod's own English
  // messages never reach a user.
  const zodIssues = parsed.error.issues.slice(0, 20);
  const french = fromZodIssues(zodIssues, value);
  const issues = zodIssues.map((i, n) => ({
    path: i.path.map(String).join('.'),
    rule: i.code,
    message: french[n]?.message ?? i.message,
  }));
  const first = issues[0];
  const message =
    first === undefined
      ? undefined
      : `Champ « ${first.path === '' ? '(corps)' : first.path} » invalide : ${first.message}`;
  throw new AppError(code, { ...(message === undefined ? {} : { message }), details: { issues } });
}
