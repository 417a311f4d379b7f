import { searchKey } from '@jigi/domain';
import type { AuditPage, AuditQuery, QuarantineEntry, QuarantineQuery } from '@jigi/contract';
import type { Deps } from './deps';
import { deviceNames } from './admin';

// The audit log and the quarantine as the back office reads them: people and tablets by name.

type Paged = { offset: number; limit: number };

/** The day after `day` at midnight UTC: `to` includes its whole day. */
const dayAfter = (day: string) =>
  new Date(Date.parse(`${day.slice(0, 10)}T00:00:00.000Z`) + 86_400_000).toISOString();

export function auditEntries(deps: Deps, query: AuditQuery & Paged): Promise<AuditPage> {
  return deps.store.read(async (tx) => {
    const users = new Map((await tx.accounts.listUsers()).map((u) => [u.id, u.name]));
    const action = query.action === undefined || query.action === '' ? undefined : query.action;
    const { rows, total } = await tx.audit.search({
      userId: query.userId === '' ? undefined : query.userId,
      // A family (« user ») lists all of its actions (« user.create », « user.update »…).
      action: action === undefined || action.includes('.') ? action : `${action}.`,
      fromAt: query.from === undefined ? undefined : `${query.from.slice(0, 10)}T00:00:00.000Z`,
      beforeAt: query.to === undefined ? undefined : dayAfter(query.to),
      limit: query.limit,
      offset: query.offset,
    });
    return {
      rows: rows.map((e) => ({
        ...e,
        userName: e.userId === null ? 'Système' : (users.get(e.userId) ?? e.userId),
      })),
      total,
      actions: await tx.audit.actions(),
    };
  });
}

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function quarantineEntries(deps: Deps, query: QuarantineQuery & Paged) {
  return deps.store.read(async (tx) => {
    const names = await deviceNames(tx);
    const users = new Map((await tx.accounts.listUsers()).map((u) => [u.id, u.name]));
    const rows: QuarantineEntry[] = (await tx.sync.listQuarantine())
      .map((q) => {
        const reason = (q.reason ?? {}) as { message?: unknown };
        const input = (q.input ?? {}) as Record<string, unknown>;
        return {
          id: q.id,
          receivedAt: q.receivedAt,
          deviceId: q.deviceId,
          deviceName: names.get(q.deviceId) ?? 'Tablette inconnue',
          userName: users.get(q.userId) ?? q.userId,
          mutationId: q.mutationId,
          batchNumber: q.batchNumber,
          reasonCode: q.reasonCode,
          reason: text(reason.message) ?? q.reasonCode,
          recordType: text(input['recordType']) ?? text(input['type']),
          recordId: text(input['recordId']),
          input: q.input,
        };
      })
      .filter(
        (q) =>
          query.reasonCode === undefined ||
          query.reasonCode === '' ||
          q.reasonCode === query.reasonCode,
      )
      .filter(
        (q) =>
          query.q === undefined ||
          query.q === '' ||
          [q.deviceName, q.userName, q.reason].some((t) =>
            searchKey(t).includes(searchKey(query.q ?? '')),
          ),
      )
      .sort((a, b) => b.receivedAt.localeCompare(a.receivedAt) || b.id - a.id);
    return { rows: rows.slice(query.offset, query.offset + query.limit), total: rows.length };
  });
}
