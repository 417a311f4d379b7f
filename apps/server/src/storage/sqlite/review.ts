import type Database from 'better-sqlite3';
import { toConflict, toTask, type ConflictDb, type TaskDb } from '../row-mappers';
import { writeJson } from './json';
import { auditRowOf, auditWhere, type AuditDb } from '../audit-query';
import type { AuditPort, ReviewPort } from '../store';
import type { Synchronous } from './synchronous';

export function reviewStore(db: Database.Database): Synchronous<ReviewPort> {
  return {
    setReviewStatus(id, status, at) {
      db.prepare('UPDATE records SET review_status = ?, updated_at = ? WHERE id = ?').run(
        status,
        at,
        id,
      );
    },
    insertConflict(c) {
      db.prepare(
        `INSERT INTO conflicts (id, record_id, path, server_value, incoming_value, base_version, server_version, server_by, device_id, user_id, mutation_id, created_at, status)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'open')`,
      ).run(
        c.id,
        c.recordId,
        c.path,
        writeJson(c.serverValue),
        writeJson(c.incomingValue),
        c.baseVersion,
        c.serverVersion,
        c.serverBy,
        c.deviceId,
        c.userId,
        c.mutationId,
        c.createdAt,
      );
    },
    conflictById(id) {
      const r = db.prepare<[string], ConflictDb>('SELECT * FROM conflicts WHERE id = ?').get(id);
      return r === undefined ? undefined : toConflict(r);
    },
    listConflicts(f) {
      const where = ['1 = 1'];
      const params: unknown[] = [];
      if (f.villageIds !== undefined) {
        where.push('r.village_id IN (SELECT value FROM json_each(?))');
        params.push(writeJson(f.villageIds));
      }
      if (f.status !== undefined) {
        where.push('c.status = ?');
        params.push(f.status);
      }
      return db
        .prepare<unknown[], ConflictDb>(
          `SELECT c.* FROM conflicts c JOIN records r ON r.id = c.record_id WHERE ${where.join(' AND ')} ORDER BY c.created_at, c.id`,
        )
        .all(...params)
        .map(toConflict);
    },
    openConflictPaths(recordId) {
      return db
        .prepare<[string], { path: string }>(
          "SELECT DISTINCT path FROM conflicts WHERE record_id = ? AND status = 'open' ORDER BY path",
        )
        .all(recordId)
        .map((r) => r.path);
    },
    resolveConflictRow(id, value, by, at, version) {
      db.prepare(
        "UPDATE conflicts SET status = 'resolved', resolved_value = ?, resolved_by = ?, resolved_at = ?, resolved_version = ? WHERE id = ?",
      ).run(writeJson(value), by, at, version, id);
    },
    insertTask(t) {
      db.prepare(
        'INSERT INTO tasks (id, record_id, user_id, comment, created_by, created_at, status, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      ).run(t.id, t.recordId, t.userId, t.comment, t.createdBy, t.createdAt, t.status, t.closedAt);
    },
    taskById(id) {
      const r = db.prepare<[string], TaskDb>('SELECT * FROM tasks WHERE id = ?').get(id);
      return r === undefined ? undefined : toTask(r);
    },
    openTasksOf(recordId) {
      return db
        .prepare<[string], TaskDb>("SELECT * FROM tasks WHERE record_id = ? AND status = 'open'")
        .all(recordId)
        .map(toTask);
    },
    closeTask(id, at) {
      db.prepare("UPDATE tasks SET status = 'done', closed_at = ? WHERE id = ?").run(at, id);
    },
    insertReviewDecision(d) {
      db.prepare(
        'INSERT INTO review_decisions (record_id, version, decision, comment, user_id, at) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(d.recordId, d.version, d.decision, d.comment, d.userId, d.at);
    },
    reviewDecisions(recordId) {
      type Db = {
        version: number;
        decision: string;
        comment: string | null;
        user_id: string;
        at: string;
      };
      return db
        .prepare<[string], Db>(
          'SELECT version, decision, comment, user_id, at FROM review_decisions WHERE record_id = ? ORDER BY id',
        )
        .all(recordId)
        .map((d) => ({
          version: d.version,
          decision: d.decision,
          comment: d.comment,
          userId: d.user_id,
          at: d.at,
        }));
    },
  };
}

export function auditStore(db: Database.Database): Synchronous<AuditPort> {
  return {
    append(a) {
      db.prepare(
        'INSERT INTO audit_log (at, user_id, action, entity, entity_id, details) VALUES (?, ?, ?, ?, ?, ?)',
      ).run(a.at, a.userId, a.action, a.entity, a.entityId, writeJson(a.details));
    },
    recent(limit) {
      return db
        .prepare<[number], AuditDb>('SELECT * FROM audit_log ORDER BY id DESC LIMIT ?')
        .all(limit)
        .map(auditRowOf);
    },
    search(f) {
      const { where, params } = auditWhere(f, () => '?');
      const total = db
        .prepare<unknown[], { n: number }>(`SELECT COUNT(*) AS n FROM audit_log ${where}`)
        .get(...params)?.n;
      const rows = db
        .prepare<unknown[], AuditDb>(
          `SELECT * FROM audit_log ${where} ORDER BY id DESC LIMIT ? OFFSET ?`,
        )
        .all(...params, f.limit, f.offset)
        .map(auditRowOf);
      return { rows, total: total ?? 0 };
    },
    actions() {
      return db
        .prepare<[], { action: string }>('SELECT DISTINCT action FROM audit_log ORDER BY action')
        .all()
        .map((r) => r.action);
    },
  };
}
