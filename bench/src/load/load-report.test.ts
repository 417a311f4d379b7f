import { describe, expect, it } from 'vitest';
import { loadConfiguration } from './load-configurations';
import {
  answerKey,
  latencySummary,
  loadComparison,
  loadReport,
  percentile,
  type LoadFigures,
} from './load-report';

const figures = (over: Partial<LoadFigures> = {}): LoadFigures => ({
  configuration: loadConfiguration('sqlite-1'),
  devices: 200,
  pushesPerDevice: 5,
  batch: 50,
  serverProcesses: 1,
  durationSec: 10,
  answered2xx: 1000,
  non2xx: 0,
  errors: 0,
  timeouts: 0,
  statusCodes: { '200': 1000 },
  answers: { '200': 1000 },
  latencyMs: { p50: 80, p90: 150, p95: 200, p99: 240, max: 300 },
  meanBodyBytes: 20_480,
  verification: {
    sent: 50_000,
    acknowledged: 50_000,
    stored: 50_000,
    appliedTwice: 0,
    sameContent: true,
    devicesAtAcknowledged: 200,
    devicesComplete: 200,
  },
  ...over,
});
const row = (f: LoadFigures, metric: RegExp) =>
  loadReport(f).rows.find((r) => metric.test(r.metric));

describe('loadReport', () => {
  it('meets the target with 200 devices, p99 ≤ 250 ms, no error and everything stored once', () => {
    const report = loadReport(figures());
    expect(report.rows.filter((r) => r.met !== null).every((r) => r.met)).toBe(true);
    expect(row(figures(), /households per second/)?.value).toBe(5000);
    expect(report.details?.['lossless']).toBe(true);
  });

  it('misses p99 over 250 ms and says how long a push waits in the queue', () => {
    const slow = figures({ latencyMs: { p50: 900, p90: 1500, p95: 1700, p99: 1900, max: 2000 } });
    const p99 = row(slow, /p99/);
    expect(p99?.met).toBe(false);
    // 10 s over 1000 pushes = 10 ms each; 200 in flight = 2 s.
    expect(p99?.note).toMatch(/about 10 ms of server time .* waits about 2\.0 s/);
    expect(loadReport(slow).markdown).toContain('**missed**');
  });

  it('cannot meet the target with fewer devices than it names, however fast', () => {
    const p99 = row(figures({ devices: 20 }), /p99/);
    expect(p99?.met).toBe(false);
    expect(p99?.note).toMatch(/20 devices, below the 200/);
  });

  it('counts non-2xx answers and connection errors as failures', () => {
    const bad = figures({
      non2xx: 3,
      errors: 2,
      timeouts: 1,
      statusCodes: { '200': 997, '409': 3 },
      answers: { '200': 997, '409 mutation_gap': 3 },
    });
    const failures = row(bad, /non-2xx/);
    expect(failures).toMatchObject({ value: 5, met: false });
    expect(failures?.note).toMatch(
      /^answers 997 × 200, 3 × 409 mutation_gap; 2 connection errors \(1 timeouts\); a `409 mutation_gap` is a device's next push/,
    );
  });

  it('reads an answer as its status and error code, and names a saturated pool', () => {
    expect(answerKey(200, '{"applied":[]}')).toBe('200');
    expect(answerKey(503, '{"error":{"code":"database_unavailable","kind":"server"}}')).toBe(
      '503 database_unavailable',
    );
    expect(answerKey(502, '<html>')).toBe('502');
    const pool = figures({
      configuration: loadConfiguration('postgres-1'),
      non2xx: 197,
      answers: { '200': 803, '503 database_unavailable': 197 },
      postgresLogErrors: 0,
    });
    expect(row(pool, /non-2xx/)?.note).toMatch(
      /PostgreSQL logged 0 errors meanwhile; `503 database_unavailable` while the database logged nothing wrong is the server giving up/,
    );
    expect(row({ ...pool, postgresLogErrors: 4 }, /non-2xx/)?.note).not.toContain('giving up');
  });

  it('flags lost, doubled or altered households', () => {
    const lost = figures({
      verification: {
        sent: 50_000,
        acknowledged: 50_000,
        stored: 49_950,
        appliedTwice: 0,
        sameContent: false,
        devicesAtAcknowledged: 199,
        devicesComplete: 199,
      },
    });
    expect(row(lost, /stored = sent/)?.met).toBe(false);
    expect(loadReport(lost).details?.['lossless']).toBe(false);
    const doubled = figures({
      verification: {
        sent: 50_000,
        acknowledged: 50_000,
        stored: 50_000,
        appliedTwice: 1,
        sameContent: true,
        devicesAtAcknowledged: 200,
        devicesComplete: 200,
      },
    });
    expect(row(doubled, /stored = sent/)?.note).toMatch(/1 applied twice/);
    expect(row(doubled, /stored = acknowledged/)?.met).toBe(false);
  });

  it('tells refused pushes, rightly not stored, from lost or half-written ones', () => {
    const refused = figures({
      non2xx: 200,
      answers: { '200': 800, '503 database_unavailable': 200 },
      verification: {
        sent: 50_000,
        acknowledged: 40_000,
        stored: 40_000,
        appliedTwice: 0,
        sameContent: true,
        devicesAtAcknowledged: 200,
        devicesComplete: 120,
      },
    });
    expect(row(refused, /stored = sent/)).toMatchObject({ met: false });
    expect(row(refused, /stored = sent/)?.note).toBe(
      '10,000 households were in pushes the server refused (errors row): not stored, as a refused push must not be, and still on their tablets; 120/200 devices complete',
    );
    expect(row(refused, /stored = acknowledged/)?.met).toBe(true);
    expect(loadReport(refused).details).toMatchObject({ lossless: true, complete: false });
    const halfWritten = figures({
      verification: { ...refused.verification, stored: 40_050, sameContent: false },
    });
    expect(row(halfWritten, /stored = acknowledged/)?.note).toMatch(
      /^40,050 stored of 40,000 acknowledged; 0 applied twice, content differs from/,
    );
    expect(loadReport(halfWritten).details?.['lossless']).toBe(false);
  });

  it('accepts a push left unanswered stored whole or not at all, never in part', () => {
    const timedOut = figures({
      errors: 1,
      timeouts: 1,
      answers: { '200': 999 },
      verification: {
        sent: 50_000,
        acknowledged: 49_950,
        unanswered: 50,
        unansweredStored: 50,
        halfStoredPushes: 0,
        stored: 50_000,
        appliedTwice: 0,
        sameContent: true,
        devicesAtAcknowledged: 200,
        devicesComplete: 200,
      },
    });
    // Committed before its answer was lost: everything is stored, once.
    expect(row(timedOut, /stored = acknowledged/)?.met).toBe(true);
    expect(row(timedOut, /stored = sent/)?.met).toBe(true);
    const notCommitted = figures({
      verification: {
        ...timedOut.verification,
        unansweredStored: 0,
        stored: 49_950,
        devicesComplete: 199,
      },
    });
    expect(row(notCommitted, /stored = acknowledged/)?.met).toBe(true);
    expect(row(notCommitted, /stored = sent/)?.note).toMatch(
      /^50 households were in pushes left unanswered \(timeouts\): 0 of them stored, whole pushes only/,
    );
    const inPart = figures({
      verification: {
        ...timedOut.verification,
        unansweredStored: 0,
        halfStoredPushes: 1,
        stored: 49_970,
      },
    });
    expect(row(inPart, /stored = acknowledged/)?.met).toBe(false);
    expect(row(inPart, /stored = acknowledged/)?.note).toContain('1 pushes in part');
  });
});

describe('percentiles of the answered pushes', () => {
  it('takes the nearest rank, so p99 of 1 000 samples is the 990th', () => {
    const samples = Array.from({ length: 1000 }, (_, i) => 1000 - i); // 1000 … 1, unsorted
    expect(latencySummary(samples)).toEqual({ p50: 500, p90: 900, p95: 950, p99: 990, max: 1000 });
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([], 50)).toBe(0);
  });
});

describe('the configurations side by side (issue 14 §8)', () => {
  const sqlite = figures({
    durationSec: 20,
    answered2xx: 1000,
    latencyMs: { p50: 180, p90: 10_000, p95: 15_000, p99: 20_000, max: 21_000 },
  });
  const pg1 = figures({
    configuration: loadConfiguration('postgres-1'),
    durationSec: 25,
    latencyMs: { p50: 300, p90: 12_000, p95: 18_000, p99: 24_000, max: 25_000 },
    cpu: {
      cores: 2,
      machineBusy: 0.97,
      serverSec: 30,
      postgresSec: 12,
      loadGeneratorSec: 4,
    },
  });
  const pg2 = figures({
    configuration: loadConfiguration('postgres-2'),
    serverProcesses: 2,
    durationSec: 10,
    verification: {
      sent: 50_000,
      acknowledged: 50_000,
      stored: 50_000,
      appliedTwice: 1,
      sameContent: true,
      devicesAtAcknowledged: 200,
      devicesComplete: 200,
    },
  });
  const section = loadComparison([sqlite, pg1, pg2], {
    date: '2026-12-03T18:00:00.000Z',
    cores: 2,
    serverSetup: 'Child processes.',
  });

  it('is one §4 section with a column per configuration, in the order they ran', () => {
    expect(section.title).toBe('Server under load (§4)');
    const head = section.markdown.split('\n').find((l) => l.startsWith('| metric'));
    expect(head).toMatch(
      /\| metric\s+\| SQLite, 1 process\s+\| PostgreSQL, 1 process\s+\| PostgreSQL, 2 processes\s+\| target/,
    );
    expect(section.markdown).toMatch(
      /\| p99 push latency, ms\s+\| 20,000\.0 \(\*\*missed\*\*\)\s+\| 24,000\.0 \(\*\*missed\*\*\)\s+\| 240\.0 \(met\)/,
    );
    expect(section.markdown).toMatch(
      /\| p95 push latency, ms\s+\| 15,000\.0\s+\| 18,000\.0\s+\| 200\.0/,
    );
    expect(section.markdown).toMatch(
      /\| machine CPU busy while pushing\s+\| —\s+\| 97 % of 2 cores/,
    );
    expect(section.markdown).toContain('measured in one run** (started 2026-12-03T18:00:00.000Z)');
    expect(section.markdown).toContain('shared 2-core machine');
  });

  it('compares each with SQLite in one process', () => {
    // 1000 pushes in 10 s against 1000 in 20 s.
    expect(section.markdown).toContain(
      'PostgreSQL, 2 processes: 2.00× the pushes per second of SQLite, 1 process, p99 0.01× (240.0 vs 20,000.0 ms).',
    );
  });

  it('judges every configuration against the target, and is lossless only if all are', () => {
    const p99 = section.rows.filter((r) => r.metric.startsWith('p99 push latency'));
    expect(p99.map((r) => [r.metric, r.met])).toEqual([
      ['p99 push latency, 200 devices — SQLite, 1 process', false],
      ['p99 push latency, 200 devices — PostgreSQL, 1 process', false],
      ['p99 push latency, 200 devices — PostgreSQL, 2 processes', true],
    ]);
    expect(p99[1]?.note).toMatch(
      /^PostgreSQL, 1 process: .*one event loop, PostgreSQL behind it.*97 % busy \(server 30\.0 CPU-s, PostgreSQL 12\.0 CPU-s, load generator 4\.0 CPU-s\)/,
    );
    expect(section.rows.find((r) => /stored = acknowledged.*2 processes/.test(r.metric))?.met).toBe(
      false,
    );
    expect(section.details?.['lossless']).toBe(false);
    expect(
      loadComparison([sqlite, pg1], { date: 'x', cores: 2, serverSetup: '' }).details?.['lossless'],
    ).toBe(true);
  });
});
