import { auditRowOf, auditWhere, type AuditDb } from '../audit-query';
import type { AuditPort, ReviewPort } from '../store';
import { toConflict, toTask, type ConflictDb, type TaskDb } from '../row-mappers';
import type { Query } from './query';

export function reviewPort(q: Query): ReviewPort {
  return {
    async setReviewStatus(id, status, at) {
      await q('UPDATE records SET review_status = $1, updated_at = $2 WHERE id = $3', [
        status,
        at,
        id,
      ]);
    },
    async insertConflict(c) {
      await q(
        `INSERT INTO conflicts (id, record_id, path, server_value, incoming_value, base_version, server_version, server_by, device_id, user_id, mutation_id, created_at, status)
        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, 'open')`,
        [
          c.id,
          c.recordId,
          c.path,
          JSON.stringify(c.serverValue),
          JSON.stringify(c.incomingValue),
          c.baseVersion,
          c.serverVersion,
          c.serverBy,
          c.deviceId,
          c.userId,
          c.mutationId,
          c.createdAt,
        ],
      );
    },
    async conflictById(id) {
      const [r] = await q<ConflictDb>('SELECT * FROM conflicts WHERE id = $1', [id]);
      return r === undefined ? undefined : toConflict(r);
    },
    async listConflicts(f) {
      const where = ['TRUE'];
      const params: unknown[] = [];
      if (f.villageIds !== undefined) {
        params.push([...f.villageIds]);
        where.push(`r.village_id = ANY($${params.length})`);
      }
      if (f.status !== undefined) {
        params.push(f.status);
        where.push(`c.status = $${params.length}`);
      }
      const rows = await q<ConflictDb>(
        `SELECT c.* FROM conflicts c JOIN records r ON r.id = c.record_id WHERE ${where.join(' AND ')}
         ORDER BY c.created_at, c.id COLLATE "C"`,
        params,
      );
      return rows.map(toConflict);
    },
    async openConflictPaths(recordId) {
      const rows = await q<{ path: string }>(
        `SELECT DISTINCT path COLLATE "C" AS path FROM conflicts WHERE record_id = $1 AND status = 'open' ORDER BY 1`,
        [recordId],
      );
      return rows.map((r) => r.path);
    },
    async resolveConflictRow(id, value, by, at, version) {
      await q(
        "UPDATE conflicts SET status = 'resolved', resolved_value = $1, resolved_by = $2, resolved_at = $3, resolved_version = $4 WHERE id = $5",
        [JSON.stringify(value), by, at, version, id],
      );
    },
    async insertTask(t) {
      await q(
        'INSERT INTO tasks (id, record_id, user_id, comment, created_by, created_at, status, closed_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
        [t.id, t.recordId, t.userId, t.comment, t.createdBy, t.createdAt, t.status, t.closedAt],
      );
    },
    async taskById(id) {
      const [r] = await q<TaskDb>('SELECT * FROM tasks WHERE id = $1', [id]);
      return r === undefined ? undefined : toTask(r);
    },
    async openTasksOf(recordId) {
      const rows = await q<TaskDb>(
        'SELECT * FROM tasks WHERE record_id = $1 AND status = \'open\' ORDER BY created_at, id COLLATE "C"',
        [recordId],
      );
      return rows.map(toTask);
    },
    async closeTask(id, at) {
      await q("UPDATE tasks SET status = 'done', closed_at = $1 WHERE id = $2", [at, id]);
    },
    async insertReviewDecision(d) {
      await q(
        'INSERT INTO review_decisions (record_id, version, decision, comment, user_id, at) VALUES ($1, $2, $3, $4, $5, $6)',
        [d.recordId, d.version, d.decision, d.comment, d.userId, d.at],
      );
    },
    async reviewDecisions(recordId) {
      const rows = await q<{
        version: number;
        decision: string;
        comment: string | null;
        user_id: string;
        at: string;
      }>(
        'SELECT version, decision, comment, user_id, at FROM review_decisions WHERE record_id = $1 ORDER BY id',
        [recordId],
      );
      return rows.map((d) => ({
        version: d.version,
        decision: d.decision,
        comment: d.comment,
        userId: d.user_id,
        at: d.at,
      }));
    },
  };
}

export function auditPort(q: Query): AuditPort {
  return {
    async append(a) {
      await q(
        'INSERT INTO audit_log (at, user_id, action, entity, entity_id, details) VALUES ($1, $2, $3, $4, $5, $6)',
        [a.at, a.userId, a.action, a.entity, a.entityId, JSON.stringify(a.details)],
      );
    },
    async recent(limit) {
      const rows = await q<AuditDb>('SELECT * FROM audit_log ORDER BY id DESC LIMIT $1', [limit]);
      return rows.map(auditRowOf);
    },
    async search(f) {
      let n = 0;
      const { where, params } = auditWhere(f, () => `$${++n}`);
      const [count] = await q<{ n: string }>(
        `SELECT COUNT(*) AS n FROM audit_log ${where}`,
        params,
      );
      const rows = await q<AuditDb>(
        `SELECT * FROM audit_log ${where} ORDER BY id DESC LIMIT $${++n} OFFSET $${++n}`,
        [...params, f.limit, f.offset],
      );
      return { rows: rows.map(auditRowOf), total: Number(count?.n ?? 0) };
    },
    async actions() {
      const rows = await q<{ action: string }>(
        'SELECT DISTINCT action FROM audit_log ORDER BY action',
      );
      return rows.map((r) => r.action);
    },
  };
}
