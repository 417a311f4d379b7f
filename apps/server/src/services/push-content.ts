import {
  findContentProblem,
  replaceUnsafeCharacters,
  unsafeCharacterIn,
  type ContentProblem,
} from '@jigi/domain';
import { jsonEqual, type Json, type JsonObject, type Mutation } from '@jigi/sync';
import type { RecordRow } from '../storage/rows';

// What a push does to a mutation's content before the merge and before storing it (docs/api.md,
// « Ce que le serveur stocke »): content that cannot be stored safely refuses that mutation alone,
// and the author and device of a write are the token's, whatever the body says.

/**
 * The first content problem of a mutation as it came off the wire (nesting past MAX_JSON_DEPTH, a
 * control character or a lone surrogate in any string or key), or undefined. Runs before any
 * recursive step (the wire schema, the domain schema, JSON copies), so a value thousands of levels
 * deep is refused here instead of overflowing the stack there.
 */
export function mutationContentProblem(mutation: unknown): ContentProblem | undefined {
  if (typeof mutation !== 'object' || mutation === null || Array.isArray(mutation))
    return findContentProblem(mutation);
  const { record, changes, ...head } = mutation as Record<string, unknown>;
  return findContentProblem(head) ?? findContentProblem(record) ?? findContentProblem(changes);
}

/**
 * A copy of a refused input fit for the quarantine table: a value nested too deep is cut where the
 * limit was passed, and unsafe characters become U+FFFD (PostgreSQL's jsonb refuses NUL and lone
 * surrogates). The original bytes cannot be stored anyway; this keeps what support needs to see.
 */
export function storableInput(value: unknown, depthLeft = 40): Json {
  if (typeof value === 'string') return clean(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (typeof value !== 'object') return null;
  if (depthLeft <= 0) return '[trop profond : coupé]';
  if (Array.isArray(value)) return value.map((v) => storableInput(v, depthLeft - 1));
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [clean(k), storableInput(v, depthLeft - 1)]),
  );
}

function clean(text: string): string {
  return unsafeCharacterIn(text) === undefined ? text : replaceUnsafeCharacters(text);
}

/** The envelope fields that say who wrote a record and on which tablet. */
const authorshipFields = ['agentId', 'deviceId'] as const;

/**
 * The mutation with its authorship taken from the token (docs/decisions.md, « L’auteur d’une
 * écriture »): a create's `agentId`/`deviceId` become the pushing user and device; a patch cannot
 * change those of a stored record (its values there are replaced by the stored ones, so the merge
 * sees no change). `altered` says whether the body said otherwise; the tablet is then sent the
 * stored record back.
 */
export function withTokenAuthorship(
  mutation: Mutation,
  author: { userId: string; deviceId: string },
  existing: RecordRow | undefined,
): { mutation: Mutation; altered: boolean } {
  if (mutation.op === 'create') {
    const record: JsonObject = {
      ...mutation.record,
      agentId: author.userId,
      deviceId: author.deviceId,
    };
    return { mutation: { ...mutation, record }, altered: !jsonEqual(record, mutation.record) };
  }
  if (mutation.op !== 'patch' || existing === undefined) return { mutation, altered: false };
  const touched = authorshipFields.filter((f) => f in mutation.changes);
  if (touched.length === 0) return { mutation, altered: false };
  const changes = { ...mutation.changes };
  for (const field of touched) changes[field] = existing.data[field] ?? null;
  return { mutation: { ...mutation, changes }, altered: !jsonEqual(changes, mutation.changes) };
}
