import { table } from '../report';
import type { SectionReport, TargetRow } from '../section-report';
import type { LoadConfiguration } from './load-configurations';

/** What the server held after the load run, read through the store API once it stopped. */
export interface LoadVerification {
  /** Households the devices sent (each in a push answered 2xx or not). */
  sent: number;
  /** Households in the pushes answered 2xx. */
  acknowledged: number;
  /** Households in pushes left unanswered (timeouts): stored or not, but whole. Absent: none. */
  unanswered?: number;
  /** Of those, households stored (their whole push committed before the answer was lost). */
  unansweredStored?: number;
  /** Unanswered pushes stored in part: a half-written push (must be 0). */
  halfStoredPushes?: number;
  /** Households of the load devices the server stores. */
  stored: number;
  /** Stored households at a version above 1: a create applied twice. */
  appliedTwice: number;
  /** Content hash of what is stored equals the hash of the acknowledged households (and of the unanswered pushes stored). */
  sameContent: boolean;
  /** Devices whose last applied mutation id is that of their last push acknowledged or stored (0 for none). */
  devicesAtAcknowledged: number;
  /** Devices whose last applied mutation id is the last one they sent. */
  devicesComplete: number;
}

/** Where the CPU went while the pushes ran (Linux /proc; absent elsewhere). */
export interface LoadCpu {
  cores: number;
  /** Busy share of all the machine's cores, other work on the machine included, 0–1. */
  machineBusy: number;
  /** CPU seconds of the server's processes (primary and workers). */
  serverSec: number;
  /** CPU seconds of PostgreSQL's processes (postmaster, backends); absent on SQLite. */
  postgresSec?: number;
  /** CPU seconds of this process: autocannon and its 200 connections. */
  loadGeneratorSec: number;
}

/** Everything the load run measured for one configuration of the server. */
export interface LoadFigures {
  configuration: LoadConfiguration;
  devices: number;
  pushesPerDevice: number;
  batch: number;
  /** Distinct processes that answered `/api/health` before the run. */
  serverProcesses: number;
  /** From autocannon's start to the last answer. */
  durationSec: number;
  answered2xx: number;
  non2xx: number;
  /** Connection errors, timeouts included (autocannon counts a timeout as an error too). */
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  /** Answers by status and, for a non-2xx one, the error code of its body (`answerKey`). */
  answers: Record<string, number>;
  /** ERROR/FATAL/PANIC lines PostgreSQL logged while the pushes ran; absent on SQLite. */
  postgresLogErrors?: number;
  /** Over every answered push (exact percentiles of the samples, nearest rank). */
  latencyMs: { p50: number; p90: number; p95: number; p99: number; max: number };
  meanBodyBytes: number;
  verification: LoadVerification;
  cpu?: LoadCpu;
  /** 1-minute load average of the machine just before the run (other work on it shows here). */
  loadAverage?: number;
}

/** « 200 », « 503 database_unavailable »: a non-2xx answer with the error code of its body. */
export function answerKey(status: number, body: string): string {
  if (status >= 200 && status < 300) return String(status);
  try {
    const code = (JSON.parse(body) as { error?: { code?: unknown } }).error?.code;
    return typeof code === 'string' ? `${status} ${code}` : String(status);
  } catch {
    return String(status);
  }
}

/** « 369 × 200, 197 × 503 database_unavailable », most frequent first. */
export function answersText(answers: Record<string, number>): string {
  return Object.entries(answers)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([key, count]) => `${count.toLocaleString('en-US')} × ${key}`)
    .join(', ');
}

/** What the failed answers mean, for the errors row's note. */
function failuresNote(f: LoadFigures): string {
  const has = (key: string): boolean => (f.answers[key] ?? 0) > 0;
  const parts = [
    `answers ${answersText(f.answers)}; ${f.errors} connection errors (${f.timeouts} timeouts)`,
  ];
  if (f.postgresLogErrors !== undefined)
    parts.push(`PostgreSQL logged ${f.postgresLogErrors} errors meanwhile`);
  if (has('503 database_unavailable') && f.postgresLogErrors === 0)
    parts.push(
      '`503 database_unavailable` while the database logged nothing wrong is the server giving up on a request that waited longer than its pool allows for a connection ' +
        '(`connectionTimeoutMillis` of 5 s in `postgres-store.ts`, 10 connections per process by default), which a burst of pushes in flight exceeds: ' +
        'pool saturation answered as « database away »',
    );
  if (has('409 mutation_gap'))
    parts.push(
      "a `409 mutation_gap` is a device's next push after one of its pushes was refused: autocannon sends every push of a device in turn, where a tablet would send the refused batch again first",
    );
  return parts.join('; ');
}

/** Issue 8's target for this section. */
export const loadTarget = { p99Ms: 250, devices: 200 } as const;

const fmt = (x: number, digits = 0): string =>
  x.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Nearest-rank percentile (`p` in 0–100) of samples; 0 for none. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return 0;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? 0;
}

/** p50, p90, p95, p99 and max of the answered pushes' latencies. */
export function latencySummary(samples: readonly number[]): LoadFigures['latencyMs'] {
  return {
    p50: percentile(samples, 50),
    p90: percentile(samples, 90),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    max: percentile(samples, 100),
  };
}

/** « one event loop, one SQLite writer », « 2 processes over one PostgreSQL »… */
function servedBy(c: LoadConfiguration): string {
  if (c.backend === 'sqlite') return 'one event loop, one SQLite writer';
  return c.workers === 1
    ? 'one event loop, PostgreSQL behind it'
    : `${c.workers} processes over one PostgreSQL`;
}

/** « the machine's 2 cores were 97 % busy (server 40 CPU-s, PostgreSQL 12 CPU-s, load generator 5 CPU-s) ». */
export function cpuText(cpu: LoadCpu): string {
  const parts = [
    `server ${fmt(cpu.serverSec, 1)} CPU-s`,
    ...(cpu.postgresSec === undefined ? [] : [`PostgreSQL ${fmt(cpu.postgresSec, 1)} CPU-s`]),
    `load generator ${fmt(cpu.loadGeneratorSec, 1)} CPU-s`,
  ];
  return `the machine's ${cpu.cores} cores were ${fmt(cpu.machineBusy * 100)} % busy (${parts.join(', ')})`;
}

/**
 * One configuration against « p99 push latency ≤ 250 ms with 200 devices and no errors », and
 * whether the server holds exactly what was sent. A run with fewer devices than the target names
 * cannot meet it, whatever its latency.
 */
export function loadReport(f: LoadFigures): SectionReport {
  const v = f.verification;
  const c = f.configuration;
  const enoughDevices = f.devices >= loadTarget.devices;
  const failures = f.non2xx + f.errors;
  // Intact: exactly what the server acknowledged, once, and nothing of a refused push (a refused
  // push writes nothing; its tablet keeps it and sends it again). Complete: that was everything.
  const unansweredStored = v.unansweredStored ?? 0;
  const intact =
    v.stored === v.acknowledged + unansweredStored &&
    (v.halfStoredPushes ?? 0) === 0 &&
    v.appliedTwice === 0 &&
    v.sameContent &&
    v.devicesAtAcknowledged === f.devices;
  const complete = intact && v.stored === v.sent && v.devicesComplete === f.devices;
  const unansweredText =
    v.unanswered === undefined
      ? ''
      : `${fmt(v.unanswered)} households in pushes left unanswered (timeouts), ${fmt(unansweredStored)} of them stored, ${v.halfStoredPushes ?? 0} pushes in part; `;
  const integrity = `${unansweredText}${v.appliedTwice} applied twice, content ${v.sameContent ? 'equal to' : 'differs from'} the acknowledged households, ${v.devicesAtAcknowledged}/${f.devices} devices at their last acknowledged id`;
  // The mean server time per push is the run's duration over the pushes (with N processes, pushes
  // overlap: it is the time the server as a whole spends per push); a push waits behind the others.
  const serviceMs = f.answered2xx > 0 ? (f.durationSec * 1000) / f.answered2xx : 0;
  const queueing =
    `${c.label}: one push of ${f.batch} households takes about ${fmt(serviceMs)} ms of server time (${fmt(f.durationSec, 1)} s ÷ ${fmt(f.answered2xx)} pushes: ${servedBy(c)}), ` +
    `so with ${f.devices} pushes in flight the last waits about ${fmt((f.devices * serviceMs) / 1000, 1)} s; a p99 above that means connections were not served in turn (some waited through several rounds)` +
    (f.cpu ? `; while the pushes ran ${cpuText(f.cpu)}` : '') +
    `. The target asks for ${f.devices} pushes of ${f.batch} to be answered within ${loadTarget.p99Ms} ms, i.e. about ${fmt(((loadTarget.p99Ms / f.devices) * 1000) / f.batch)} µs of server time per household, ` +
    "where each household is parsed (gzip, JSON), checked by its zod schema and the domain rules, checked against the user's zones, and written as four rows (record, version history, change log, stored result) in a transaction";
  const p99Met = f.latencyMs.p99 <= loadTarget.p99Ms;
  const rows: TargetRow[] = [
    {
      metric: `p99 push latency, ${f.devices} devices`,
      value: f.latencyMs.p99,
      unit: 'ms',
      target: `≤ ${loadTarget.p99Ms} ms with ${loadTarget.devices} devices`,
      met: enoughDevices && p99Met,
      ...(enoughDevices
        ? p99Met
          ? {}
          : { note: queueing }
        : {
            note: `run with ${f.devices} devices, below the ${loadTarget.devices} of the target${p99Met ? '' : `; ${queueing}`}`,
          }),
    },
    { metric: 'p95 push latency', value: f.latencyMs.p95, unit: 'ms', target: '—', met: null },
    { metric: 'p50 push latency', value: f.latencyMs.p50, unit: 'ms', target: '—', met: null },
    {
      metric: 'pushes per second',
      value: f.answered2xx / f.durationSec,
      unit: 'req/s',
      target: '—',
      met: null,
    },
    {
      metric: 'households per second',
      value: (f.answered2xx * f.batch) / f.durationSec,
      unit: 'records/s',
      target: '—',
      met: null,
    },
    {
      metric: 'non-2xx answers + connection errors',
      value: failures,
      unit: 'count',
      target: '0',
      met: failures === 0,
      ...(failures > 0 ? { note: failuresNote(f) } : {}),
    },
    {
      metric: 'households stored = sent, none twice',
      value: v.stored,
      unit: 'records',
      target: `${fmt(v.sent)}, none lost or doubled`,
      met: complete,
      ...(complete
        ? {}
        : {
            note: [
              ...(v.acknowledged + (v.unanswered ?? 0) < v.sent
                ? [
                    `${fmt(v.sent - v.acknowledged - (v.unanswered ?? 0))} households were in pushes the server refused (errors row): not stored, as a refused push must not be, and still on their tablets`,
                  ]
                : []),
              ...(v.unanswered !== undefined && intact
                ? [
                    `${fmt(v.unanswered)} households were in pushes left unanswered (timeouts): ${fmt(unansweredStored)} of them stored, whole pushes only, as the tablet's resend would find them`,
                  ]
                : []),
              ...(intact ? [] : [integrity]),
              `${v.devicesComplete}/${f.devices} devices complete`,
            ].join('; '),
          }),
    },
    {
      metric: 'households stored = acknowledged, none twice',
      value: v.stored,
      unit: 'records',
      target: 'every household of a 2xx push once, nothing of a refused push',
      met: intact,
      ...(intact
        ? {}
        : {
            note: `${fmt(v.stored)} stored of ${fmt(v.acknowledged)} acknowledged; ${integrity}`,
          }),
    },
  ];
  const shown = (r: TargetRow): string =>
    r.value === null ? '—' : fmt(r.value, r.unit === 'ms' ? 1 : 0);
  const verdict = (r: TargetRow): string => (r.met === null ? '' : r.met ? 'met' : '**missed**');
  const markdown = [
    `${c.label}: ${f.devices} devices × ${f.pushesPerDevice} pushes of ${f.batch} new households (${fmt(f.devices * f.pushesPerDevice)} pushes, ${fmt(v.sent)} households), one connection per device, all at once.`,
    '',
    table(
      ['metric', 'value', 'unit', 'target', 'verdict'],
      rows.map((r) => [r.metric, shown(r), r.unit, r.target, verdict(r)]),
    ),
    '',
    ...rows.filter((r) => r.note !== undefined).map((r) => `- *${r.metric}*: ${r.note ?? ''}.`),
    '',
    `Latency p90 ${fmt(f.latencyMs.p90, 1)} ms, max ${fmt(f.latencyMs.max, 1)} ms; ${fmt(f.durationSec, 1)} s in all, about ${fmt(serviceMs)} ms of server time per push.`,
  ].join('\n');
  return {
    title: `Server under load (§4), ${c.label}`,
    rows,
    markdown,
    // `lossless` (run-all's exit code): nothing acknowledged lost, nothing doubled or half-written.
    details: { ...f, lossless: intact, complete },
  };
}

/** How the run was made, for the section's opening paragraph. */
export interface LoadRunContext {
  /** When the first configuration started (ISO). */
  date: string;
  cores: number;
  /** The server's setup (processes, bundle, PostgreSQL cluster), printed under the table. */
  serverSetup: string;
}

/**
 * Issue 14 §8: the configurations side by side in one section — one column each, the same
 * devices, bodies and order of pushes — and every row of each against the target (the targets
 * table lists each configuration's verdict). `lossless` holds only if every configuration stored
 * exactly what it acknowledged, once each, and nothing of a refused push.
 */
export function loadComparison(runs: readonly LoadFigures[], ctx: LoadRunContext): SectionReport {
  const first = runs[0];
  if (first === undefined) throw new Error('no load configuration ran');
  const reports = runs.map(loadReport);
  const cell = (report: SectionReport, metric: RegExp, digits: number): string => {
    const r = report.rows.find((x) => metric.test(x.metric));
    if (!r || r.value === null) return '—';
    const value = fmt(r.value, digits);
    return r.met === null ? value : `${value} ${r.met ? '(met)' : '(**missed**)'}`;
  };
  const line = (
    metric: string,
    target: string,
    value: (f: LoadFigures, r: SectionReport) => string,
  ) => [metric, ...runs.map((f, i) => value(f, reports[i] as SectionReport)), target];
  const ms = (x: number) => fmt(x, 1);
  const tableRows = [
    line(
      `p99 push latency, ms`,
      `≤ ${loadTarget.p99Ms} ms with ${loadTarget.devices} devices`,
      (_, r) => cell(r, /^p99/, 1),
    ),
    line('p95 push latency, ms', '—', (f) => ms(f.latencyMs.p95)),
    line('p90 push latency, ms', '—', (f) => ms(f.latencyMs.p90)),
    line('p50 push latency, ms', '—', (f) => ms(f.latencyMs.p50)),
    line('max push latency, ms', '—', (f) => ms(f.latencyMs.max)),
    line('pushes per second', '—', (_, r) => cell(r, /^pushes per second/, 0)),
    line('households per second', '—', (_, r) => cell(r, /^households per second/, 0)),
    line('wall time of the pushes, s', '—', (f) => fmt(f.durationSec, 1)),
    line('non-2xx answers + connection errors', '0', (_, r) => cell(r, /^non-2xx/, 0)),
    line(
      'households stored once, all sent (every device at its last id)',
      fmt(first.verification.sent),
      (_, r) => cell(r, /^households stored = sent/, 0),
    ),
    line(
      'households stored = those of 2xx pushes, once, same content',
      'nothing of a refused push',
      (_, r) => cell(r, /^households stored = acknowledged/, 0),
    ),
    line('answers', '—', (f) => answersText(f.answers)),
    line('processes that answered /api/health', '—', (f) => fmt(f.serverProcesses)),
    line('machine CPU busy while pushing', '—', (f) =>
      f.cpu ? `${fmt(f.cpu.machineBusy * 100)} % of ${f.cpu.cores} cores` : '—',
    ),
    line('CPU-s: server / PostgreSQL / load generator', '—', (f) =>
      f.cpu
        ? [f.cpu.serverSec, f.cpu.postgresSec, f.cpu.loadGeneratorSec]
            .map((x) => (x === undefined ? '—' : fmt(x, 1)))
            .join(' / ')
        : '—',
    ),
    line('CPU-ms per 2xx push: server / PostgreSQL', '—', (f) =>
      f.cpu && f.answered2xx > 0
        ? [f.cpu.serverSec, f.cpu.postgresSec]
            .map((x) => (x === undefined ? '—' : fmt((x * 1000) / f.answered2xx)))
            .join(' / ')
        : '—',
    ),
    line('PostgreSQL log errors while pushing', '—', (f) =>
      f.postgresLogErrors === undefined ? '—' : fmt(f.postgresLogErrors),
    ),
    line('load average before the run (1 min)', '—', (f) =>
      f.loadAverage === undefined ? '—' : fmt(f.loadAverage, 1),
    ),
  ];
  const rows: TargetRow[] = reports.flatMap((report, i) =>
    report.rows.map((r) => ({
      ...r,
      metric: `${r.metric} — ${(runs[i] as LoadFigures).configuration.label}`,
    })),
  );
  const base = runs.find(
    (f) => f.configuration.backend === 'sqlite' && f.configuration.workers === 1,
  );
  const rate = (f: LoadFigures) => f.answered2xx / f.durationSec;
  const versus =
    base === undefined
      ? []
      : runs
          .filter((f) => f !== base)
          .map(
            (f) =>
              `${f.configuration.label}: ${fmt(rate(f) / rate(base), 2)}× the pushes per second of ${base.configuration.label}, p99 ${fmt(f.latencyMs.p99 / base.latencyMs.p99, 2)}× (${ms(f.latencyMs.p99)} vs ${ms(base.latencyMs.p99)} ms)` +
              (f.non2xx + f.errors > 0
                ? ` — but ${fmt(f.non2xx + f.errors)} of its ${fmt(f.devices * f.pushesPerDevice)} pushes failed (errors row): its rates count the 2xx only and its percentiles include the failed answers.`
                : '.'),
          );
  const day = ctx.date.slice(0, 10);
  const markdown = [
    `${fmt(first.devices)} devices × ${fmt(first.pushesPerDevice)} pushes of ${fmt(first.batch)} new households (${fmt(first.devices * first.pushesPerDevice)} pushes, ${fmt(first.verification.sent)} households; ` +
      `gzip bodies of ${fmt(first.meanBodyBytes / 1024, 1)} KiB on average), one connection per device, all at once — ` +
      `**the same devices and the same push bodies against each configuration, one after the other, measured in one run** (started ${ctx.date}) on the shared ${ctx.cores}-core machine, ` +
      'where the server processes, PostgreSQL and the load generator share the cores (and other work on the machine may too: the load average is in the table).',
    '',
    table(['metric', ...runs.map((f) => f.configuration.label), 'target'], tableRows),
    '',
    ...versus.map((s) => `- ${s}`),
    ...(versus.length > 0 ? [''] : []),
    ctx.serverSetup,
    '',
    `Measured ${day}. Latency percentiles are exact over each configuration's answered pushes (nearest rank, from autocannon's per-response times); CPU from /proc while the pushes ran.`,
  ].join('\n');
  const lossless = reports.every((r) => r.details?.['lossless'] === true);
  return {
    title: 'Server under load (§4)',
    rows,
    markdown,
    details: { runs: reports.map((r) => r.details), lossless, date: ctx.date },
  };
}
