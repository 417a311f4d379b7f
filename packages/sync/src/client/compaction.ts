import type { Json, JsonObject } from '../json';
import { wireLimits } from '../limits';
import { applyChanges } from '../paths/apply-changes';
import { joinPath, splitPath } from '../paths/path';
import type { ClientOutboxRow } from './rows';

// Outbox compaction: the pending mutations of one record collapse into one before they are
// frozen into a batch, so a form finalised ten times offline costs one mutation on a 2G link.
//   create + patch  → create (the patch applied to the created content)
//   patch + patch   → one patch, the EARLIEST base version (the server must see the whole edit as made
//                     from the version the user first edited from, or it would miss a conflict)
//   anything + delete → delete; create + … + delete → nothing (the server never saw the record)
// Only pending rows are ever passed in: a frozen (in-flight) batch is retried byte-identical, so its
// rows are never merged with anything.

export interface Compaction {
  /** Rows rewritten in place (they keep the seq, hence the position, of the first row of their run). */
  readonly put: ClientOutboxRow[];
  /** Seqs of rows folded into another or cancelled out. */
  readonly remove: number[];
}

type Folded = { row: ClientOutboxRow; absorbed: number[] } | { row: null; absorbed: number[] };

/** True when `path` is `ancestor` or lies under it (`members.m1.sex` under `members.m1`). */
function isAtOrUnder(path: readonly string[], ancestor: readonly string[]): boolean {
  return ancestor.length <= path.length && ancestor.every((segment, i) => segment === path[i]);
}

/**
 * The union of two successive patches: applying it equals applying `first` then `second` (a property
 * test checks it). `applyChanges` runs a patch's removals before its sets, so `second` is folded in the
 * same order. A path of `second` replaces what `first` set at or under it; a path under a value `first`
 * set whole (a new member) is written into that value, since a separate key would be applied before
 * or after it in the wrong order.
 */
export function mergeChanges(
  first: Readonly<Record<string, unknown>>,
  second: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...first };
  const entries = Object.entries(second);
  const ordered = [
    ...entries.filter(([, v]) => v === null),
    ...entries.filter(([, v]) => v !== null),
  ];
  for (const [path, value] of ordered) {
    const segments = splitPath(path);
    let holder: { key: string; depth: number } | undefined;
    for (const key of Object.keys(out)) {
      const keySegments = splitPath(key);
      if (isAtOrUnder(keySegments, segments)) Reflect.deleteProperty(out, key);
      else if (
        out[key] !== null &&
        isAtOrUnder(segments, keySegments) &&
        keySegments.length > (holder?.depth ?? -1)
      ) {
        holder = { key, depth: keySegments.length };
      }
    }
    if (holder) {
      const inner = joinPath(['v', ...segments.slice(holder.depth)]);
      out[holder.key] = applyChanges({ v: out[holder.key] as Json }, { [inner]: value as Json })[
        'v'
      ];
    } else {
      out[path] = value;
    }
  }
  return out;
}

/** Folds `next` into `acc` when the rules allow it; `undefined` when the two must stay separate. */
function fold(acc: ClientOutboxRow, next: ClientOutboxRow): ClientOutboxRow | null | undefined {
  const latest = { clientTime: next.clientTime };
  if (acc.op === 'create' && next.op === 'patch' && acc.record && next.changes) {
    return {
      ...acc,
      ...latest,
      record: applyChanges(
        acc.record as JsonObject,
        next.changes as Record<string, Json>,
      ) as NonNullable<ClientOutboxRow['record']>,
    };
  }
  if (acc.op === 'create' && next.op === 'delete') return null;
  if (acc.op === 'patch' && next.op === 'patch' && acc.changes && next.changes) {
    const changes = mergeChanges(acc.changes, next.changes);
    if (Object.keys(changes).length > wireLimits.maxChangesPerPatch) return undefined;
    return { ...acc, ...latest, changes };
  }
  if (acc.op === 'patch' && next.op === 'delete') {
    const { changes: _dropped, ...rest } = acc;
    return { ...rest, ...latest, op: 'delete' };
  }
  return undefined;
}

/**
 * Plans the compaction of a user's pending rows (any records, ascending seq). Rows of one record fold
 * left to right; a pair the rules do not cover (a delete followed by anything) starts a new run.
 */
export function planCompaction(pending: readonly ClientOutboxRow[]): Compaction {
  const byRecord = new Map<string, ClientOutboxRow[]>();
  for (const row of pending) {
    if (row.state !== 'pending' || row.seq === undefined) continue;
    const list = byRecord.get(row.recordId) ?? [];
    list.push(row);
    byRecord.set(row.recordId, list);
  }
  const put: ClientOutboxRow[] = [];
  const remove: number[] = [];
  for (const rows of byRecord.values()) {
    if (rows.length < 2) continue;
    let current: Folded | undefined;
    const flush = () => {
      if (!current) return;
      if (current.row === null) remove.push(...current.absorbed);
      else if (current.absorbed.length > 0) {
        put.push(current.row);
        remove.push(...current.absorbed);
      }
    };
    for (const row of rows) {
      if (!current || current.row === null) {
        flush();
        current = { row, absorbed: [] };
        continue;
      }
      const folded = fold(current.row, row);
      if (folded === undefined) {
        flush();
        current = { row, absorbed: [] };
      } else if (folded === null) {
        // create … delete: both the create's own row and everything absorbed disappear.
        current = {
          row: null,
          absorbed: [...current.absorbed, current.row.seq as number, row.seq as number],
        };
      } else {
        current = { row: folded, absorbed: [...current.absorbed, row.seq as number] };
      }
    }
    flush();
  }
  return { put, remove };
}
