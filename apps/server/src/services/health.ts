import { PROTOCOL_VERSION } from '@jigi/sync';
import type { Deps } from './deps';

/**
 * Liveness of this process and its database, plus what a tablet checks before syncing: protocol
 * version, epoch and server time. `pid` tells the processes of `WORKERS=N` apart.
 */
export async function serverHealth(deps: Deps) {
  const base = {
    protocolVersion: PROTOCOL_VERSION,
    serverTime: deps.now().toISOString(),
    backend: deps.store.backend,
    pid: process.pid,
  };
  try {
    const epoch = await deps.store.read((tx) => tx.meta.epoch());
    return { status: 'ok' as const, epoch, ...base };
  } catch {
    return { status: 'database_unavailable' as const, epoch: null, ...base };
  }
}
