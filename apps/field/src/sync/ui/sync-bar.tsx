import { SyncProvider } from './sync-context';
import { SyncPanel } from './sync-panel';

/**
 * The shell's sync: one engine and scheduler for the unlocked user (SyncProvider) and the panel that
 * shows it. Its own chunk, loaded by the shell right after it opens: the engine brings the wire
 * schemas (zod), which the shell's first download and parse on a 2 GB tablet do without.
 */
export default function SyncBar({ userId }: { userId: string }) {
  return (
    <SyncProvider userId={userId}>
      <SyncPanel userId={userId} />
    </SyncProvider>
  );
}
