import { linkProfiles } from '@jigi/testkit';
import { isOurs } from './report';
import type { BenchResults } from './results';
import type { TargetCheck } from './targets';

// Why a missed target is missed and what would close it. The causes come from profiling our peer
// (CPU profiles of each phase, the push split below, server time per push); the figures quoted are
// read from the run's results so the text stays true to the table it sits under.

const fmt = (x: number, digits = 0): string => x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

interface Stretch {
  ms: number;
  requests: number;
  bytesIn: number;
  bytesOut: number;
  /** Absent in results written before the server time was recorded. */
  serverMs?: number;
}
interface PushSplitDetail {
  pushOnly: Stretch;
  pullBack: Stretch;
}

function pushSplitOf(results: BenchResults, n: number): PushSplitDetail | undefined {
  const ours = results.throughput.find((r) => isOurs(r.peer) && r.n === n);
  return ours?.details?.['pushSplit'] as PushSplitDetail | undefined;
}

/** « the server spent X s of it answering » when the run recorded it. */
function serverShare(serverMs: number | undefined, ms: number): string {
  return serverMs === undefined ? '' : `; the server spent ${fmt(serverMs / 1000, 1)} s of it answering (${fmt((100 * serverMs) / ms)} %), the rest is the client`;
}

/** A row's note as a sentence: capital first letter, final full stop. */
function sentence(note: string): string {
  const text = note.trim();
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? '' : '.'}`;
}

function sizeOf(check: TargetCheck): number | undefined {
  const m = /N = ([\d,]+)/.exec(check.where);
  return m?.[1] ? Number(m[1].replace(/,/g, '')) : undefined;
}

function pushNote(results: BenchResults, check: TargetCheck): string[] {
  const n = sizeOf(check);
  const split = n === undefined ? undefined : pushSplitOf(results, n);
  const lines: string[] = [];
  if (split && n !== undefined) {
    const pushOnlyRate = n / (split.pushOnly.ms / 1000);
    const best = Math.max(...results.throughput.filter((r) => r.n === n && !isOurs(r.peer) && r.gate.ok).map((r) => r.push.recordsPerSec));
    lines.push(
      `Our push phase is a whole tablet sync: the push itself took ${fmt(split.pushOnly.ms / 1000, 1)} s (${fmt(split.pushOnly.requests)} requests, ${fmt(pushOnlyRate)} records/s, ` +
        `${fmt(pushOnlyRate / best, 2)}× PouchDB${serverShare(split.pushOnly.serverMs, split.pushOnly.ms)}), then the pull that ends every sync brought client A's own ${fmt(n)} records back in full ` +
        `(${fmt(split.pullBack.ms / 1000, 1)} s, ${fmt(split.pullBack.requests)} requests, ${fmt(split.pullBack.bytesOut / n)} B/record): the server scopes a pull by user, and A's records are its user's.`,
    );
  }
  lines.push(
    'Where the push time goes (CPU profiles of the phase, `pnpm --filter @jigi/bench profile-ours`, 2 000 and 10 000 records). ' +
      'Client: `freezeNextBatch` (apps/field/src/storage/sync-freeze.ts) reads and compacts the *whole* pending outbox, records included, to freeze each batch of ≤ 200 — ' +
      'quadratic in the outbox (500 batches × up to 100 000 rows for N = 100 000), and fake-indexeddb makes every row read a structured clone; ' +
      '`applyPushAnswer` then makes four IndexedDB calls per mutation (delete the outbox row, look up the record\'s other rows, read the record, rewrite it with a second copy as `serverRecord`). Server: per mutation, `ruleContextFor` re-reads the settings, the village\'s households and the microprojects from SQLite ' +
      '(~15 % of server time), better-sqlite3 statements are prepared on every call (`Statement` is the largest server self time), and each record is validated by zod then `validateRecord`.',
    'What would close it (apps/, reported to the lead): compact at write time or once per sync and freeze by reading only the next ≤ 200 pending rows in `seq` order; ' +
      'build the rule context once per push and village; prepare statements once per repository; let a pull skip (or send only id + version for) changes whose last writer is the pulling device at the version it was acknowledged — ' +
      'that removes the pull-back entirely. Fake-indexeddb is much slower than Chromium\'s IndexedDB, so the client share is overstated in Node; the §3 IndexedDB figure is the browser\'s.',
  );
  return lines;
}

function pullNote(results: BenchResults, check: TargetCheck): string[] {
  const n = sizeOf(check);
  const ours = results.throughput.find((r) => isOurs(r.peer) && r.n === n);
  const serverMs = (ours?.details?.['serverMs'] as { pull?: number } | undefined)?.pull;
  const measured = ours && serverMs !== undefined ? [`Our pull took ${fmt(ours.pull.ms / 1000, 1)} s in ${fmt(ours.pull.requests)} requests${serverShare(serverMs, ours.pull.ms)}.`] : [];
  return [
    ...measured,
    'A pull page costs one server transaction (the change log, then each record read and its open conflict paths looked up one by one, plus an audit row) and, on the client, ' +
      'one Dexie transaction per page of ≤ 200 records that parses every change with zod, recomputes search text and puts each row; fake-indexeddb dominates the client side in Node. ' +
      'PouchDB\'s pull with `batch_size` 500 moves 500 documents per `_bulk_get` with no validation.',
    'What would close it: larger pages when the link is good (the engine asks for 200 changes / 256 KB whatever the link), one `bulkPut` per page instead of per-record puts, ' +
      'and on the server a single join for records and conflict paths instead of a lookup per change.',
  ];
}

function bytesNote(results: BenchResults, check: TargetCheck): string[] {
  const n = sizeOf(check);
  const ours = results.throughput.find((r) => isOurs(r.peer) && r.n === n);
  const split = n === undefined ? undefined : pushSplitOf(results, n);
  const lines: string[] = [];
  if (ours && split && n !== undefined) {
    const pushOnly = (split.pushOnly.bytesIn + split.pushOnly.bytesOut) / n;
    lines.push(
      `Our push alone costs ${fmt(pushOnly)} B/record (gzip batches of ≤ 200 mutations); the pull-back of A's own records adds ${fmt((split.pullBack.bytesIn + split.pullBack.bytesOut) / n)} B/record, ` +
        `and the fresh client's pull ${fmt(ours.pull.bytesPerRecord)} B/record. PouchDB's pull is gzip too (express-pouchdb compresses responses), so pull against pull there is no ⅓ to win with the same JSON.`,
    );
  }
  lines.push('What would close it: no pull-back of the device\'s own records (see push); pull pages without the per-change `meta` when it is the default state.');
  return lines;
}

function twoGNote(results: BenchResults, check: TargetCheck): string[] {
  const n = sizeOf(check);
  const run = results.poorLink.find((r) => isOurs(r.peer) && r.profile === '2g' && r.n === n);
  const link = linkProfiles['2g'];
  const measured: string[] = [];
  if (run) {
    // floorMs = 2 × (compressed ÷ bandwidth + round trip): the floor's bytes, each way.
    const floorBytes = (run.floorMs / 2 - link.latencyMs) * (link.bandwidthBytesPerSec / 1000);
    measured.push(
      `${fmt(run.linkBytes / 1e6, 2)} MB crossed the link (${fmt(run.linkBytes / link.bandwidthBytesPerSec, 1)} s at ${fmt(link.bandwidthBytesPerSec / 1000)} KB/s) where the floor moves ` +
        `${fmt((2 * floorBytes) / 1e6, 2)} MB, and ${fmt(run.requests)} requests each paid the ${fmt(link.latencyMs)} ms round trip (${fmt((run.requests * link.latencyMs) / 1000, 1)} s if none overlapped).`,
    );
  }
  return [
    ...measured,
    'The floor counts one round trip per direction; our sync makes one request per batch (≤ 200 mutations, a gzip cap starting at 32 KB) and per pull page, each paying the 700 ms round trip, ' +
      'and a push is followed by the pull-back of the device\'s own records, which the floor does not count. Every drop or cut re-sends a whole batch.',
    'What would close it: no pull-back (see push); start the gzip cap higher on a link that has already carried full batches; fewer, larger pull pages on slow links.',
  ];
}

/** The paragraphs explaining a missed target (empty when it is met or has no figure). */
export function whyMissed(results: BenchResults, check: TargetCheck): string[] {
  if (check.met !== false) return [];
  switch (check.id) {
    case 'push':
      return pushNote(results, check);
    case 'pull':
      return pullNote(results, check);
    case 'bytes':
      return bytesNote(results, check);
    case '2g':
      return twoGNote(results, check);
    case 'section':
      return check.note ? [sentence(check.note)] : [];
  }
}
