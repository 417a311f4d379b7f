import type { z } from 'zod';
import { migrateRecord } from '../migrations/migrate';
import { recordTypeDescriptor } from '../modules/registry';
import { recordSchemas, type FieldRecord, type RecordType } from '../records/field-record';
import { issue, type Issue, type RuleContext, type ValidationResult } from './issue';
import { fromZodIssues, isMissingField } from './zod-issues';

/** Options of {@link validateRecord}. */
export type ValidateOptions = {
  /** A draft in progress: required fields not filled in yet are not reported. Default false. */
  draft?: boolean;
};

/**
 * Validates any record (migrating it first from an older schemaVersion): structure (zod, mapped to
 * French issues with sync field paths) and the program rules. `ok` is true when no issue is an error;
 * `record` is the parsed, current-version record when the structure is valid. Pure: the date and the
 * reference data come from `context`.
 */
export function validateRecord(
  record: unknown,
  context: RuleContext,
  options: ValidateOptions = {},
): ValidationResult<FieldRecord> {
  const migrated = migrateRecord(record);
  if (!migrated.ok) {
    const path =
      migrated.error.kind === 'unknown_type'
        ? 'type'
        : migrated.error.kind === 'not_an_object'
          ? ''
          : 'schemaVersion';
    return {
      ok: false,
      issues: [issue(path, `migration.${migrated.error.kind}`, 'error', migrated.error.message)],
    };
  }
  const input = migrated.record;
  const schema: z.ZodType = recordSchemas[input.type];
  const parsed = schema.safeParse(input);
  let issues: Issue[] = [];
  let subject: unknown = parsed.success ? parsed.data : input;
  if (!parsed.success) {
    const zodIssues =
      options.draft === true
        ? parsed.error.issues.filter((zi) => !isMissingField(zi, input))
        : parsed.error.issues;
    issues = fromZodIssues(zodIssues, input);
    // Rules still run, on the input with the invalid values removed, so the form shows every finding at once.
    subject = withoutPaths(
      input,
      parsed.error.issues.map((zi) => zi.path),
    );
  }
  issues.push(...runRules(input.type, subject, context));
  const ok = !issues.some((i) => i.severity === 'error');
  return parsed.success ? { ok, record: parsed.data as FieldRecord, issues } : { ok, issues };
}

/** {@link validateRecord} for a draft in progress (missing required fields are tolerated). */
export function validateDraft(
  record: unknown,
  context: RuleContext,
): ValidationResult<FieldRecord> {
  return validateRecord(record, context, { draft: true });
}

// `subject` is the parsed record or the input with every invalid value removed: in both cases it
// matches the draft of its type, which is what its module's rules accept.
function runRules(type: RecordType, subject: unknown, ctx: RuleContext): Issue[] {
  const rules = recordTypeDescriptor(type)?.rules as
    ((record: unknown, ctx: RuleContext) => Issue[]) | undefined;
  return rules ? rules(subject, ctx) : [];
}

/** A deep copy of `input` without the values at `paths` (an array element removed is dropped from its array). */
function withoutPaths(input: unknown, paths: readonly (readonly PropertyKey[])[]): unknown {
  // Records are JSON (they travel as JSON), so a JSON round trip is a faithful deep copy.
  const copy: unknown = JSON.parse(JSON.stringify(input));
  const REMOVED = Symbol('removed');
  const touched = new Set<unknown[]>();
  for (const path of paths) {
    if (path.length === 0) continue;
    let node: unknown = copy;
    for (const seg of path.slice(0, -1)) {
      node =
        Array.isArray(node) && typeof seg === 'number'
          ? node[seg]
          : isObject(node)
            ? node[String(seg)]
            : undefined;
    }
    const last = path[path.length - 1];
    if (Array.isArray(node) && typeof last === 'number') {
      (node as unknown[])[last] = REMOVED;
      touched.add(node);
    } else if (isObject(node)) {
      // eslint-disable-next-line @typescript-eslint/no-dynamic-delete -- removing exactly the invalid key
      delete node[String(last)];
    }
  }
  for (const arr of touched) {
    const kept = arr.filter((x) => x !== REMOVED);
    arr.splice(0, arr.length, ...kept);
  }
  return copy;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
