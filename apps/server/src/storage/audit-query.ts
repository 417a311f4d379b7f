import { readJson } from './row-mappers';
import type { AuditRow } from './rows';
import type { AuditFilter } from './store';

// The audit log's row mapping and filter SQL, once for both backends (only the placeholder differs).

export type AuditDb = {
  /** A BIGSERIAL reads back as a string from PostgreSQL. */
  id: number | string;
  at: string;
  user_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  details: string;
};

export function auditRowOf(a: AuditDb): AuditRow {
  return {
    id: Number(a.id),
    at: a.at,
    userId: a.user_id,
    action: a.action,
    entity: a.entity,
    entityId: a.entity_id,
    details: readJson(a.details),
  };
}

/** `WHERE …` for the filter; `next()` gives each parameter's placeholder in order (`?`, `$1`…). */
export function auditWhere(
  f: AuditFilter,
  next: () => string,
): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: (p: string) => string, value: unknown) => {
    clauses.push(sql(next()));
    params.push(value);
  };
  if (f.userId !== undefined) add((p) => `user_id = ${p}`, f.userId);
  if (f.action !== undefined) {
    if (f.action.endsWith('.'))
      add((p) => `substr(action, 1, ${f.action?.length}) = ${p}`, f.action);
    else add((p) => `action = ${p}`, f.action);
  }
  if (f.entity !== undefined) add((p) => `entity = ${p}`, f.entity);
  if (f.fromAt !== undefined) add((p) => `at >= ${p}`, f.fromAt);
  if (f.beforeAt !== undefined) add((p) => `at < ${p}`, f.beforeAt);
  return { where: clauses.length === 0 ? '' : `WHERE ${clauses.join(' AND ')}`, params };
}
