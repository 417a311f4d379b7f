import { unsafeCharacterIn } from '@jigi/domain';
import { withDatabase } from '../support/sqlite-inspect';

/** Every string inside a JSON text (keys too), or the text itself when it is not JSON. */
function stringsOf(text: string): string[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [text];
  }
  const out: string[] = [];
  const stack: unknown[] = [value];
  for (let v = stack.pop(); stack.length > 0 || v !== undefined; v = stack.pop()) {
    if (typeof v === 'string') out.push(v);
    else if (Array.isArray(v)) stack.push(...(v as unknown[]));
    else if (typeof v === 'object' && v !== null)
      for (const [k, x] of Object.entries(v)) {
        out.push(k);
        stack.push(x);
      }
  }
  return out;
}

/**
 * What the server stored that it must not have (issue « Hardening »): a control character or lone
 * surrogate in any text of any table; text of a record or its history that is not NFC; a record
 * pushed by a tablet whose `agentId`/`deviceId` differ from the account and tablet that pushed it. Empty when clean.
 */
export function storedContentProblems(file: string): string[] {
  return withDatabase(file, (db) => {
    const problems: string[] = [];
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all()
      .map((t) => t.name);
    for (const table of tables) {
      for (const row of db.prepare(`SELECT * FROM "${table}"`).all() as Record<string, unknown>[]) {
        for (const [column, cell] of Object.entries(row)) {
          if (typeof cell !== 'string') continue;
          for (const text of stringsOf(cell)) {
            const bad = unsafeCharacterIn(text);
            if (bad !== undefined)
              problems.push(`${table}.${column}: ${bad} in ${JSON.stringify(text).slice(0, 80)}`);
            const record =
              table === 'records' || (table === 'record_versions' && column === 'changes');
            if (record && text !== text.normalize('NFC'))
              problems.push(`${table}.${column}: not NFC ${JSON.stringify(text).slice(0, 80)}`);
          }
        }
      }
    }
    // Records a tablet created (version 1 came from a device's mutation); a record the server makes
    // itself for someone (a village assembly for its facilitator) says whom it is for instead.
    const pushed = db
      .prepare<[], { id: string; data: string; user_id: string; device_id: string }>(
        `SELECT r.id, r.data, v.user_id, v.device_id FROM records r
           JOIN record_versions v ON v.record_id = r.id AND v.version = 1
          WHERE v.mutation_id IS NOT NULL AND v.device_id IS NOT NULL`,
      )
      .all();
    for (const r of pushed) {
      const data = JSON.parse(r.data) as { agentId?: unknown; deviceId?: unknown };
      if (data.agentId !== r.user_id || data.deviceId !== r.device_id)
        problems.push(
          `records ${r.id}: says agentId ${String(data.agentId)} / deviceId ${String(data.deviceId)}, pushed by ${r.user_id} from ${r.device_id}`,
        );
    }
    return problems;
  });
}
