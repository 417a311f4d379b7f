import { contentHash } from '@jigi/testkit';
import type { BenchRecord } from './sync-peer';

/** The correctness gate after a run: a fast wrong sync is not a result. */
export interface GateResult {
  ok: boolean;
  /** What went wrong, in words; empty when `ok`. */
  problems: string[];
  serverCount: number;
  clientCount: number;
  duplicates: number;
  pending: number;
}

/**
 * Passes when the server and the fresh client each hold exactly the generated records (same count,
 * same content hash, no id twice) and client A has nothing left to send.
 */
export function checkGate(
  expected: { count: number; hash: string },
  found: { server: readonly BenchRecord[]; client: readonly BenchRecord[]; pending: number },
): GateResult {
  const problems: string[] = [];
  const duplicates = found.server.length - new Set(found.server.map((r) => r.id)).size;
  if (found.server.length !== expected.count)
    problems.push(`server holds ${found.server.length} records, expected ${expected.count}`);
  if (duplicates > 0) problems.push(`${duplicates} duplicate ids on the server`);
  if (contentHash(found.server) !== expected.hash)
    problems.push('server content hash differs from the generated set');
  if (found.client.length !== expected.count)
    problems.push(`fresh client holds ${found.client.length} records, expected ${expected.count}`);
  else if (contentHash(found.client) !== expected.hash)
    problems.push('fresh client content hash differs from the generated set');
  if (found.pending !== 0) problems.push(`${found.pending} local edits still pending`);
  return {
    ok: problems.length === 0,
    problems,
    serverCount: found.server.length,
    clientCount: found.client.length,
    duplicates,
    pending: found.pending,
  };
}
