import type { SyncPeerFactory } from '../sync-peer';
import { oursPeer } from './ours-peer';

/**
 * Our sync, as peers of the benchmark (named `ours…`: the report's ratio column keys on that).
 * See ./README.md for what a peer must do to be measured like PouchDB.
 */
export const ourPeers: readonly SyncPeerFactory[] = [oursPeer];
