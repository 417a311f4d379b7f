import type { SyncPeerFactory } from '../sync-peer';

/**
 * Our sync, as peers of the benchmark. Empty until apps/server's `buildApp()` and the client sync
 * engine land; then add a factory here (name it `ours…`: the report's ratio column keys on that)
 * and every table gains its column and ratio with no other change. See ./README.md.
 */
export const ourPeers: readonly SyncPeerFactory[] = [];
