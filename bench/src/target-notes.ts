import { linkProfiles } from '@jigi/testkit';
import { isOurs } from './report';
import type { BenchResults } from './results';
import type { TargetCheck } from './targets';

// Why a missed target is missed and what would close it. The causes come from profiling our peer
// (CPU profiles of each phase, the push split below, server time per push); the figures quoted are
// read from the run's results so the text stays true to the table it sits under.

const fmt = (x: number, digits = 0): string =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

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
  return serverMs === undefined
    ? ''
    : `; the server spent ${fmt(serverMs / 1000, 1)} s of it answering (${fmt((100 * serverMs) / ms)} %), the rest is the client`;
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
  const best = Math.max(
    ...results.throughput
      .filter((r) => r.n === n && !isOurs(r.peer) && r.gate.ok)
      .map((r) => r.push.recordsPerSec),
  );
  const lines: string[] = [];
  if (split && n !== undefined) {
    const pushOnlyRate = n / (split.pushOnly.ms / 1000);
    lines.push(
      `Our push phase is a whole tablet sync: the push itself took ${fmt(split.pushOnly.ms / 1000, 1)} s (${fmt(split.pushOnly.requests)} requests, ${fmt(pushOnlyRate)} records/s, ` +
        `${fmt(pushOnlyRate / best, 2)}× PouchDB${serverShare(split.pushOnly.serverMs, split.pushOnly.ms)}), then the pull that ends every sync took ` +
        `${fmt(split.pullBack.ms / 1000, 1)} s in ${fmt(split.pullBack.requests)} request(s), ${fmt(split.pullBack.bytesOut / n)} B/record: the server no longer sends a device its own writes applied as sent.`,
    );
    if (split.pushOnly.serverMs !== undefined && split.pushOnly.serverMs > 0) {
      const serverCap = n / (split.pushOnly.serverMs / 1000);
      lines.push(
        `The server's share alone caps our push at ${fmt(serverCap)} records/s (${fmt(serverCap / best, 2)}× PouchDB), with an infinitely fast client: ` +
          `${fmt((split.pushOnly.serverMs * 1000) / n)} µs per household, for gzip and JSON, the record's zod schema and the domain rules, the zone check, and four rows written ` +
          "(record, version history, change log, stored per-mutation result — what exactly-once and review need). PouchDB's `_bulk_docs` validates nothing and writes one document.",
      );
    }
  }
  lines.push(
    "The client side runs the field app's real engine on fake-indexeddb in Node, where every IndexedDB read and write is a JavaScript structured clone; PouchDB's client writes to an in-memory store. " +
      'Session 2 made freezing read only the next ≤ 200 outbox rows (it read the whole outbox, quadratic) and applies answers in bulk, which doubled our push; what remains is a few copies per record ' +
      '(the outbox row carrying the record, the frozen batch, the server copy kept for three-way merges).',
    'What would close it: server — serve pushes from several processes or validate in worker threads, and write the version history per batch; client — keep one copy of a pending record ' +
      '(outbox rows pointing at the record instead of carrying it). Where a program pays — bytes and requests on the link — we are already well under PouchDB (table below).',
  );
  return lines;
}

function pullNote(results: BenchResults, check: TargetCheck): string[] {
  const n = sizeOf(check);
  const ours = results.throughput.find((r) => isOurs(r.peer) && r.n === n);
  const serverMs = (ours?.details?.['serverMs'] as { pull?: number } | undefined)?.pull;
  const measured =
    ours && serverMs !== undefined
      ? [
          `Our pull took ${fmt(ours.pull.ms / 1000, 1)} s in ${fmt(ours.pull.requests)} requests${serverShare(serverMs, ours.pull.ms)}.`,
        ]
      : [];
  return [
    ...measured,
    'Since session 2 a pull page is one joined query on the server (change log, records, open conflict paths) and one bulk write on the client, and pages grow while they come back fast. ' +
      "What remains: the server parses each record's stored JSON and serialises it again into the page, and the client checks each page, folds search words and writes records in fake-indexeddb.",
    "What would close it: copy each record's stored JSON text into the page without parsing it, and on the client trust the server's already-validated records beyond the page's structure. " +
      "PouchDB's `_bulk_get` of 500 documents with no validation is the bar.",
  ];
}

function bytesNote(results: BenchResults, check: TargetCheck): string[] {
  const n = sizeOf(check);
  const ours = results.throughput.find((r) => isOurs(r.peer) && r.n === n);
  const lines: string[] = [];
  if (ours && n !== undefined) {
    lines.push(
      `Our push costs ${fmt(ours.push.bytesPerRecord)} B/record and the fresh client's pull ${fmt(ours.pull.bytesPerRecord)} B/record; PouchDB's pull is gzip too (express-pouchdb compresses responses), so pull against pull there is no ⅓ to win with the same JSON.`,
    );
  }
  lines.push(
    'What would close it: pull pages without the per-change `meta` when it is the default state.',
  );
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
    'The floor counts one round trip per direction and the records gzip-compressed as one stream at level 9; our sync sends one request per batch and per pull page, each compressed on its own ' +
      "(a batch's gzip cannot use the previous batch's dictionary), and every drop or cut re-sends a whole batch.",
    'What would close it: a larger first batch on a link that carried full batches before (the cap is remembered after a clean sync, but every benchmark run is a new device), and a shared compression dictionary for households.',
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
