import { startAppServer, type AppServer } from '../../../e2e/src/support/app-server';
import { signIn } from '../../../e2e/src/support/field-session';
import { acquireSuiteLock, releaseSuiteLock } from '../../../e2e/src/support/suite-lock';
import type { SectionReport, TargetRow } from '../section-report';
import { measureColdStart, type ColdStart } from './cold-start';
import { koroHouseholds, largeRosterHousehold } from './households';
import { measureLighthouse, type LighthouseResult } from './lighthouse-score';
import {
  measureListOpen,
  measureListSearch,
  measureRosterTyping,
  type ListOpen,
  type ListSearch,
  type RosterTyping,
} from './list-and-roster';
import { gapGrowth } from './pull-timing';
import type { EventTimingSample } from './page-probes';
import { measurePullWrite, type PullWrite } from './pull-write';
import { sectionMarkdown } from './section-markdown';
import { pushRecords, registerSeedDevice } from './seed-server';
import { measureShellSize, type ShellSize } from './shell-size';
import { atMost, formatValue, median, targetRow } from './stats';

const LOGIN = 'enq.koro';
const SEED = 2026;
const LIST_SIZE = 2_000;
const PULL_SIZE = 10_000;
const ROSTER_SIZE = 60;
const ROSTER_CODE = 'BENCH-ROSTER-060';
const CPU_THROTTLING = 4;
const COLD_RUNS = 5;
const LIST_OPEN_RUNS = 3;

const kb = (bytes: number): number => Math.round((bytes / 1024) * 10) / 10;
const ms = (x: number): number => Math.round(x);
const log = (line: string): void => {
  process.stderr.write(`${line}\n`);
};
const messageOf = (e: unknown): string =>
  (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';

/** Runs one measurement; a failure becomes a row with no figure and the reason, not a lost section. */
async function attempt<T>(
  what: string,
  run: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: string }> {
  log(`› app in Chromium: ${what}`);
  try {
    return { ok: true, value: await run() };
  } catch (e: unknown) {
    log(`  ${what} failed: ${messageOf(e)}`);
    return { ok: false, error: messageOf(e) };
  }
}

async function seededServer(count: number, withRoster: boolean): Promise<AppServer> {
  const server = await startAppServer();
  try {
    const device = await registerSeedDevice(server.url, LOGIN);
    const records = koroHouseholds({
      seed: SEED,
      count,
      agentId: device.userId,
      deviceId: device.deviceId,
    });
    if (withRoster)
      records.push(
        largeRosterHousehold({
          seed: SEED + 1,
          size: ROSTER_SIZE,
          agentId: device.userId,
          deviceId: device.deviceId,
          householdCode: ROSTER_CODE,
        }),
      );
    await pushRecords(device, records);
    return server;
  } catch (e: unknown) {
    await server.stop();
    throw e;
  }
}

/** A head's last name from the seeded list: a realistic search that keeps part of the list. */
function searchTerm(): string {
  const withMembers = koroHouseholds({ seed: SEED, count: 50, agentId: 'x', deviceId: 'x' }).find(
    (h) => h.members.length > 0,
  );
  const name = withMembers?.members[0]?.['lastName'];
  if (typeof name !== 'string') throw new Error('no last name in the seeded households');
  return name;
}

interface Measured {
  shell: Awaited<ReturnType<typeof attempt<ShellSize>>>;
  lighthouse: Awaited<ReturnType<typeof attempt<LighthouseResult>>>;
  listOpen: Awaited<ReturnType<typeof attempt<ListOpen>>>;
  search: Awaited<ReturnType<typeof attempt<ListSearch>>>;
  roster: Awaited<ReturnType<typeof attempt<RosterTyping>>>;
  cold: Awaited<ReturnType<typeof attempt<ColdStart>>>;
  pull: Awaited<ReturnType<typeof attempt<PullWrite>>>;
}

async function measureAll(): Promise<Measured> {
  const listRecords = LIST_SIZE + 1;
  const failed = (error: string) => ({ ok: false as const, error });
  let server: AppServer | undefined;
  let m: Omit<Measured, 'pull'>;
  try {
    log(`› seeding ${String(LIST_SIZE)} households + one of ${String(ROSTER_SIZE)} members`);
    server = await seededServer(LIST_SIZE, true);
    const url = server.url;
    const s = server;
    const shell = await attempt('shell size', () => measureShellSize(s));
    const lighthouse = await attempt('Lighthouse', () => measureLighthouse(`${url}/`));
    let listOpen: Measured['listOpen'] = failed('not run');
    let search: Measured['search'] = failed('not run');
    let roster: Measured['roster'] = failed('not run');
    const tablet = await attempt('sign-in and first sync of the list tablet', () =>
      signIn(s, 'bench-list', LOGIN),
    );
    if (tablet.ok) {
      try {
        listOpen = await attempt('list open', () =>
          measureListOpen(tablet.value, listRecords, LIST_OPEN_RUNS),
        );
        search = await attempt('list search', () =>
          measureListSearch(tablet.value, searchTerm(), listRecords),
        );
        roster = await attempt('roster typing', () =>
          measureRosterTyping(tablet.value, {
            householdCode: ROSTER_CODE,
            members: ROSTER_SIZE,
            cpuThrottling: CPU_THROTTLING,
          }),
        );
      } finally {
        await tablet.value.close();
      }
    } else {
      listOpen = search = roster = failed(tablet.error);
    }
    const cold = await attempt('cold start', () =>
      measureColdStart(s, { login: LOGIN, runs: COLD_RUNS, cpuThrottling: CPU_THROTTLING }),
    );
    m = { shell, lighthouse, listOpen, search, roster, cold };
  } finally {
    await server?.stop();
  }
  let pull: Measured['pull'];
  let pullServer: AppServer | undefined;
  try {
    log(`› seeding ${String(PULL_SIZE)} households`);
    pullServer = await seededServer(PULL_SIZE, false);
    const s = pullServer;
    pull = await attempt('pull write', () =>
      measurePullWrite(s, { login: LOGIN, expectedRecords: PULL_SIZE }),
    );
  } finally {
    await pullServer?.stop();
  }
  return { ...m, pull };
}

/** The slowest Event Timing entry, split into waiting for the main thread and the app's own handling. */
function eventSplit(events: readonly EventTimingSample[]): string {
  const worst = [...events].sort((a, b) => b.duration - a.duration)[0];
  if (!worst) return 'no Event Timing entry ≥ 16 ms';
  return `slowest event (${worst.name}) ${String(ms(worst.duration))} ms = input delay ${String(ms(worst.inputDelay))} + handlers ${String(ms(worst.processing))} + rendering the frame ${String(ms(worst.duration - worst.inputDelay - worst.processing))}`;
}

/** Why typing in the roster missed its target: the largest part of the slowest event, as measured. */
function rosterMiss(t: RosterTyping['unthrottled']): string {
  const worst = [...t.events].sort((a, b) => b.duration - a.duration)[0];
  const slowestKey = Math.max(0, ...t.keystrokes.map((k) => k.ms));
  const frame = worst ? worst.duration - worst.inputDelay - worst.processing : 0;
  const waited =
    !worst || slowestKey > worst.duration
      ? t.longTasks.length > 0
      : worst.inputDelay >= frame && worst.inputDelay >= worst.processing;
  if (waited) {
    return 'missed: keys wait for the main thread, busy with work that runs after each change rather than in the key handlers (the form autosaves the draft and validates the whole 60-member record on every change, apps/field README) — cutting that work into member-sized pieces or running it after a pause in typing would close it';
  }
  if (!worst)
    return 'missed on the key → next-frame probe alone, with no long task and no Event Timing entry ≥ 16 ms to split it';
  if (worst.processing >= frame) {
    return 'missed: the key handlers and the re-render they trigger take the time (the member editor watches the whole roster) — re-rendering only the edited member would close it';
  }
  return `missed on one frame: presenting it took ${String(ms(frame))} ms with ${String(ms(worst.processing))} ms in handlers and ${t.longTasks.length > 0 ? 'long tasks around it' : 'no long task'}, while every keystroke's probe stayed at or under ${String(ms(slowestKey))} ms: the time is in producing the frame (software rendering, --disable-gpu, on cores other work shares), not in the app's handlers — a rerun on a quiet machine would tell whether it repeats`;
}

/** Why the cold start takes what it takes, from the run's own figures (and the shell and Lighthouse's). */
function coldNote(c: ColdStart, m: Measured): string {
  const usable = median(c.samples);
  const scriptsIn = median(c.scriptsDoneMs);
  const tasks = median(c.longTasksMs);
  const dbAsked = median(c.idbOpen.map((o) => o.requested));
  const dbOpen = median(c.idbOpen.map((o) => o.opened));
  const parts = [
    `median of ${String(c.samples.length)} relaunches: ${c.samples.map(ms).join(', ')} ms`,
    `first contentful paint ${String(ms(median(c.fcp)))} ms`,
    `scripts in from the precache by ${String(ms(scriptsIn))} ms (${c.scripts.map((r) => r.path.replace('/assets/', '')).join(', ')})`,
    `IndexedDB asked at ${String(ms(dbAsked))} ms, open at ${String(ms(dbOpen))} ms`,
    `main-thread long tasks before the input is usable ${String(ms(tasks))} ms (longest ${String(ms(median(c.longestTaskMs)))} ms)`,
  ];
  if (usable > 1500) {
    const main = m.shell.ok ? m.shell.value.firstScreenJs[0] : undefined;
    const unused = m.lighthouse.ok
      ? ` (Lighthouse: ${String(Math.round(m.lighthouse.value.unusedJsKiB))} KiB of it unused on the first screen)`
      : '';
    const parts2 = [
      {
        ms: scriptsIn,
        why: `waiting for the scripts: the service worker starts and answers the main chunk (${main ? `${formatValue(kb(main.bytes))} KB raw` : '?'}) from the precache before anything runs — a smaller first chunk${unused} would shorten it`,
      },
      {
        ms: dbOpen - dbAsked,
        why: 'waiting for IndexedDB to open before the unlock screen shows — showing the PIN form while the database opens would shorten it',
      },
      {
        ms: tasks,
        why: `the main thread running JavaScript — less script before the unlock screen${unused} would shorten it`,
      },
    ].sort((a, b) => b.ms - a.ms);
    const biggest = parts2[0];
    if (biggest)
      parts.push(
        `missed by ${String(ms(usable - 1500))} ms; the largest measured part is ${String(ms(biggest.ms))} ms of ${biggest.why}`,
      );
  }
  return parts.join('; ');
}

function rowsOf(m: Measured): TargetRow[] {
  const rows: TargetRow[] = [];
  const none = (
    metric: string,
    unit: string,
    target: ReturnType<typeof atMost> | undefined,
    error: string,
  ) => targetRow(metric, null, unit, target, `not measured: ${error}`);

  const shellTarget = atMost(200, 'KB');
  if (m.shell.ok) {
    const s = m.shell.value;
    const top = s.firstScreenJs
      .slice(0, 3)
      .map((a) => `${a.path.replace('/assets/', '')} ${formatValue(kb(a.gzipBytes))} KB`)
      .join(', ');
    rows.push(
      targetRow(
        'app shell JS for the first screen, gzip -9',
        kb(s.firstScreenJsGzip),
        'KB',
        shellTarget,
        `${String(s.firstScreenJs.length)} files; biggest: ${top}`,
      ),
    );
    rows.push(
      targetRow(
        'precache (all files the service worker stores), gzip -9',
        kb(s.precache.gzipBytes),
        'KB',
        undefined,
        `${String(s.precache.files)} files, ${formatValue(kb(s.precache.bytes))} KB raw, of which JS ${formatValue(kb(s.precache.jsGzipBytes))} KB gzip`,
      ),
    );
  } else {
    rows.push(none('app shell JS for the first screen, gzip -9', 'KB', shellTarget, m.shell.error));
  }

  const coldTarget = atMost(1500, 'ms');
  if (m.cold.ok) {
    const c = m.cold.value;
    rows.push(
      targetRow(
        `cold start offline to a usable « ${c.screen} », ${String(c.cpuThrottling)}× CPU`,
        ms(median(c.samples)),
        'ms',
        coldTarget,
        coldNote(c, m),
      ),
    );
  } else {
    rows.push(
      none(`cold start offline, ${String(CPU_THROTTLING)}× CPU`, 'ms', coldTarget, m.cold.error),
    );
  }

  if (m.pull.ok) {
    const p = m.pull.value;
    const growth = gapGrowth(p.storeGapsMs);
    rows.push(
      targetRow(
        `first pull stored in IndexedDB (${p.records.toLocaleString('en-US')} households)`,
        Math.round(p.changesPerSecStored),
        'records/s',
        undefined,
        `${String(p.changes)} changes in ${String(p.pages)} pages (~${formatValue(kb(p.bytesPerPage))} KB each): storing ${String(ms(p.storeMs))} ms, network and server ${String(ms(p.networkMs))} ms, whole sync ${String(ms(p.totalMs))} ms; ${String(p.storedRecords)} rows stored. Storing a page took ${String(ms(growth.firstMs))} ms on average for the first ${String(growth.pages)} pages and ${String(ms(growth.lastMs))} ms for the last ${String(growth.pages)}${growth.lastMs > 1.5 * growth.firstMs ? `: each page costs more the more is stored. One getAll of all ${String(p.storedRecords)} records takes ${String(ms(p.readAllMs))} ms here — a query reading every record after each page (the status bar's \`localCounts\` loads all of the user's records, storage/counts.ts) grows the same way; counting through an index would keep pages flat` : `; one getAll of all ${String(p.storedRecords)} records takes ${String(ms(p.readAllMs))} ms`}`,
      ),
    );
  } else {
    rows.push(none('first pull stored in IndexedDB', 'records/s', undefined, m.pull.error));
  }

  if (m.listOpen.ok) {
    const l = m.listOpen.value;
    rows.push(
      targetRow(
        `open the list of ${l.lines.toLocaleString('en-US')} households`,
        ms(median(l.samples)),
        'ms',
        undefined,
        `median of ${String(l.samples.length)}: ${l.samples.map(ms).join(', ')} ms (the first also loads the list's code from the precache); ${String(l.drawn)} lines drawn, the rest behind « Afficher plus »`,
      ),
    );
  } else {
    rows.push(none('open the list of 2 001 households', 'ms', undefined, m.listOpen.error));
  }
  const searchTarget = atMost(100, 'ms');
  if (m.search.ok) {
    const s = m.search.value;
    rows.push(
      targetRow(
        `search, slowest keystroke to filtered list painted`,
        ms(s.typing.worstMs),
        'ms',
        searchTarget,
        `« ${s.term} » typed key by key, ms (lines shown): ${s.typing.keystrokes.map((k) => `${String(ms(k.ms))} (${String(k.lines)})`).join(', ')}; emptying the box (every household matches again, ${String(s.clearing.keystrokes[0]?.lines ?? '?')} lines drawn): ${String(ms(s.clearing.worstMs))} ms` +
          (s.typing.worstMs > 100 || s.clearing.worstMs > 100
            ? `; ${eventSplit(s.typing.events.concat(s.clearing.events))}: the list draws at most 50 lines, so what remains is the filtering over every household and the frame itself; deferring the list behind the input (useDeferredValue) is what would close it`
            : ''),
      ),
    );
  } else {
    rows.push(
      none(
        'search, slowest keystroke to filtered list painted',
        'ms',
        searchTarget,
        m.search.error,
      ),
    );
  }

  const rosterTarget = atMost(50, 'ms');
  if (m.roster.ok) {
    const r = m.roster.value;
    const detail = (t: RosterTyping['unthrottled']): string =>
      `keystrokes ${t.keystrokes.map((k) => ms(k.ms)).join(', ')} ms; ${eventSplit(t.events)}; long tasks while typing: ${t.longTasks.length > 0 ? `${String(t.longTasks.length)}, longest ${String(ms(Math.max(...t.longTasks)))} ms` : 'none'}${t.worstMs > 50 ? `; ${rosterMiss(t)}` : ''}`;
    rows.push(
      targetRow(
        `typing in a ${String(r.members)}-member roster, slowest keystroke`,
        ms(r.unthrottled.worstMs),
        'ms',
        rosterTarget,
        detail(r.unthrottled),
      ),
    );
    rows.push(
      targetRow(
        `the same, ${String(r.cpuThrottling)}× CPU`,
        ms(r.throttled.worstMs),
        'ms',
        rosterTarget,
        detail(r.throttled),
      ),
    );
  } else {
    rows.push(
      none(
        `typing in a ${String(ROSTER_SIZE)}-member roster, slowest keystroke`,
        'ms',
        rosterTarget,
        m.roster.error,
      ),
    );
  }

  if (m.lighthouse.ok) {
    const l = m.lighthouse.value;
    rows.push(
      targetRow(
        `Lighthouse ${l.lighthouseVersion} performance (${l.formFactor}, ${l.throttlingMethod} throttling)`,
        l.score,
        '/100',
        undefined,
        `FCP ${String(ms(l.fcpMs))} ms, LCP ${String(ms(l.lcpMs))} ms, TBT ${String(ms(l.tbtMs))} ms, CLS ${l.cls.toFixed(3)}, Speed Index ${String(ms(l.speedIndexMs))} ms${l.opportunities.length > 0 ? `; opportunities: ${l.opportunities.join('; ')}` : ''}`,
      ),
    );
  } else {
    rows.push(none('Lighthouse performance (mobile)', '/100', undefined, m.lighthouse.error));
  }
  return rows;
}

const methods = [
  `**Server and data**: the real server started as e2e does (seed, then \`src/server.ts\`, built PWA, 127.0.0.1), then ${LIST_SIZE.toLocaleString('en-US')} testkit households (seed ${String(SEED)}) plus one of ${String(ROSTER_SIZE)} members pushed through \`/api/sync/push\` as the demo enumerator \`${LOGIN}\`; a second server gets ${PULL_SIZE.toLocaleString('en-US')}. Tablets are Debian's Chromium (playwright-core, e2e flags, 800×1280); the run holds the e2e suite lock so no e2e file shares the cores.`,
  "**App shell JS**: a fresh tablet opens the app (no service worker yet) and waits for « Connexion » and a quiet network; every same-origin `.js` in the page's Resource Timing is fetched again and gzipped at level 9. Precache: every URL in the served `sw.js`, gzipped the same way.",
  `**Cold start**: the tablet signs in online (service worker installed, first sync), Chromium closes; then ${String(COLD_RUNS)} times Chromium starts again on that profile with the network off (a fetch of \`/api/health\` must fail), CPU throttled ${String(CPU_THROTTLING)}× by CDP \`Emulation.setCPUThrottlingRate\`, and a script installed before the app's notes the first animation frame in which an input is enabled and takes focus, in ms from navigation start. Browser process start-up is not counted.`,
  `**IndexedDB write**: a new tablet of the same user signs in and its first sync pulls the ${PULL_SIZE.toLocaleString('en-US')} households through the app's own engine (\`pullAll\` → \`applyPullPage\`: parse, validate, search text, one Dexie transaction per page with its cursor). The engine asks for page i+1 only after page i is stored, so in the page's Resource Timing the gaps between one answer's last byte and the next request (and, for the last page, to the sync panel showing the end of the sync) are the app's storing time; request → last byte is network and server. Rate = changes ÷ storing time; the store's row count is checked afterwards.`,
  "**List and search**: on a tablet holding the 2 001 households, a tap on « Enquêtes ciblage » is timed in the page from `click()` to the frame after the last list line entered the DOM (requestAnimationFrame then a task, i.e. after that frame). Search: the term is typed with real key events 250 ms apart; each keystroke is timed from keydown's timestamp to the frame after it, and PerformanceObserver `event` entries (durationThreshold 16) are kept; the row shows the slower of the two.",
  `**Roster typing**: the ${String(ROSTER_SIZE)}-member household is reopened for a new version, member n°${String(ROSTER_SIZE)} edited, and a first name typed key by key (120 ms apart) in « Prénom », timed as for search, then again under ${String(CPU_THROTTLING)}× CPU throttling. Input delay = Event Timing \`processingStart − startTime\`.`,
  "**Lighthouse**: Lighthouse 12.2.3 called from Node with its default config (mobile form factor, simulated slow 4G and 4× CPU), performance category only, on the app's first screen, in Chromium started with `--remote-debugging-port` and the same headless flags on a throw-away profile.",
];

/** Issue 8 §3: the app in Chromium — shell size, cold offline start, IndexedDB write, list and search, roster typing, Lighthouse. */
export async function runAppBench(): Promise<SectionReport> {
  await acquireSuiteLock();
  let measured: Measured;
  try {
    measured = await measureAll();
  } finally {
    releaseSuiteLock();
  }
  let rows: TargetRow[];
  try {
    rows = rowsOf(measured);
  } catch (e: unknown) {
    // The figures are in `details` either way; a note that cannot be written must not lose them.
    rows = [
      targetRow(
        'the app in Chromium',
        null,
        '',
        undefined,
        `the table could not be built: ${messageOf(e)}`,
      ),
    ];
  }
  const title = 'The app in Chromium (§3)';
  return {
    title,
    rows,
    markdown: sectionMarkdown(title, rows, methods),
    details: {
      ...measured,
      config: {
        login: LOGIN,
        seed: SEED,
        listSize: LIST_SIZE,
        pullSize: PULL_SIZE,
        rosterSize: ROSTER_SIZE,
        cpuThrottling: CPU_THROTTLING,
        coldRuns: COLD_RUNS,
      },
    },
  };
}
