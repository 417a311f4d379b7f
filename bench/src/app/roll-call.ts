/// <reference lib="dom" />
// Issue 16 in Chromium: the MA roll call of 150 households (taps, and each tap to the frame that
// shows it under 4× CPU throttling) and the share of a 600×960 screen the header, status and sync
// take while a form is open. Its own section of BENCHMARKS.md, beside §3's table.
import type { Page } from 'playwright-core';
import { MaFormPage } from '../../../e2e/src/pages/ma-form-page';
import { HomePage } from '../../../e2e/src/pages/home-page';
import { startAppServer } from '../../../e2e/src/support/app-server';
import { signIn } from '../../../e2e/src/support/field-session';
import { frameShare } from '../../../e2e/src/support/frame';
import { ROLL_CALL_VILLAGE, seedRollCallVillage } from '../../../e2e/src/support/roll-call';
import { acquireSuiteLock, releaseSuiteLock } from '../../../e2e/src/support/suite-lock';
import type { SectionReport, TargetRow } from '../section-report';
import { sectionMarkdown } from './section-markdown';
import { atMost, median, targetRow } from './stats';

const HOUSEHOLDS = 150;
/** Households whose « qui est venu » is changed from the titulaire to another member. */
const SUBSTITUTES = [10, 75, 149];
const CPU_THROTTLING = 4;
const VIEWPORT = { width: 600, height: 960 };

export interface RollCall {
  households: number;
  substitutes: number;
  taps: number;
  /** Each tap (click) → the frame after React handled it, in ms, under CPU throttling. */
  tapMs: number[];
  /** Event Timing `click` durations (processing and presentation) over 16 ms. */
  clickEvents: number[];
  /** Header, status and sync above the form's `<main>`, share of the viewport's height. */
  frameShare: number;
  frameHeightPx: number;
  cpuThrottling: number;
}

declare global {
  interface Window {
    __rollCallTaps?: number[];
    __rollCallEvents?: number[];
  }
}

/** Times every click from its event timestamp to the frame after it (rAF, then a task: after paint). */
async function installTapProbe(page: Page): Promise<void> {
  await page.evaluate(() => {
    window.__rollCallTaps = [];
    window.__rollCallEvents = [];
    let last = -Infinity;
    document.addEventListener(
      'click',
      (e) => {
        const start = e.timeStamp;
        // A tap on a label is two clicks (the label's, then the radio's it forwards): one tap.
        if (start - last < 5) return;
        last = start;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => {
            window.__rollCallTaps?.push(performance.now() - start);
          };
          channel.port2.postMessage(0);
        });
      },
      { capture: true },
    );
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        if (entry.name === 'click') window.__rollCallEvents?.push(entry.duration);
    }).observe({ type: 'event', durationThreshold: 16 } as PerformanceObserverInit);
  });
}

export async function measureRollCall(log: (line: string) => void): Promise<RollCall> {
  const server = await startAppServer();
  try {
    log(`  seeding ${String(HOUSEHOLDS)} beneficiary households through the admin API`);
    const households = await seedRollCallVillage(server.url, HOUSEHOLDS);
    const tablet = await signIn(server, 'bench-roll-call', 'anim.koro');
    try {
      const { page } = tablet;
      await page.setViewportSize(VIEWPORT);
      await new HomePage(page).open('Nouvelle séance MA');
      const form = new MaFormPage(page);
      await form.waitUntilShown();
      const share = await frameShare(page);
      await form.session({ village: ROLL_CALL_VILLAGE.id, sessionNo: 1, language: 'dogon' });
      await form.section('Présences');
      await form.households.nth(HOUSEHOLDS - 1).waitFor();
      await installTapProbe(page);
      const cdp = await tablet.context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLING });
      let taps = 0;
      try {
        for (const [i, h] of households.entries()) {
          const line = page.getByRole('group', {
            name: `Présence du ménage ${h.householdCode}`,
            exact: true,
          });
          taps++;
          await line.getByText('Présent', { exact: true }).click();
          if (SUBSTITUTES.includes(i)) {
            // A native list: a tap opens it, a tap chooses.
            taps += 2;
            await form.select(`Qui est venu ? (${h.householdCode})`, 'member:3');
          }
        }
        await page.getByTestId('roll-call-counts').getByText('Non marqués : 0').waitFor();
      } finally {
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
        await cdp.detach();
      }
      const probes = await page.evaluate(() => ({
        taps: window.__rollCallTaps ?? [],
        events: window.__rollCallEvents ?? [],
      }));
      return {
        households: HOUSEHOLDS,
        substitutes: SUBSTITUTES.length,
        taps,
        tapMs: probes.taps,
        clickEvents: probes.events,
        frameShare: share,
        frameHeightPx: share * VIEWPORT.height,
        cpuThrottling: CPU_THROTTLING,
      };
    } finally {
      await tablet.close();
    }
  } finally {
    await server.stop();
  }
}

const pct = (x: number): number => Math.round(x * 1000) / 10;
const p95 = (xs: readonly number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(xs.length * 0.95) - 1)] ?? 0;

export function rollCallRows(r: RollCall): TargetRow[] {
  const worst = Math.max(...r.tapMs);
  return [
    targetRow(
      `MA roll call: ${String(r.households)} households present, ${String(r.substitutes)} with another member than the titulaire — taps`,
      r.taps,
      'taps',
      atMost(160, 'taps'),
      `one tap on « Présent » per household (the titulaire is the default « qui est venu »), two per changed « qui est venu » (open the list, choose)`,
    ),
    targetRow(
      `the same, slowest tap to the frame that shows it, ${String(r.cpuThrottling)}× CPU`,
      Math.round(worst),
      'ms',
      atMost(50, 'ms'),
      `${String(r.tapMs.length)} taps timed: median ${String(Math.round(median(r.tapMs)))} ms, p95 ${String(Math.round(p95(r.tapMs)))} ms; Event Timing click entries ≥ 16 ms: ${r.clickEvents.length > 0 ? `${String(r.clickEvents.length)}, longest ${String(Math.round(Math.max(...r.clickEvents)))} ms` : 'none'}`,
    ),
    targetRow(
      'header, status and sync area with a form open, share of a 600×960 screen',
      pct(r.frameShare),
      '%',
      atMost(15, '%'),
      `${String(Math.round(r.frameHeightPx))} px above the form's heading (issue 16: 56 % before the one-line header)`,
    ),
  ];
}

const methods = [
  `**Roll call**: the real server (as e2e starts it); an administrator creates a village and ${String(HOUSEHOLDS)} beneficiary households (head, titulaire, a grown son) through \`PUT /api/admin/villages/:id\` and \`PUT /api/admin/households/:id\` and adds the village to \`anim.koro\`'s zones; a new tablet signs in (first sync pulls them) at 600×960 and opens a new MA session on that village. CPU throttled ${String(CPU_THROTTLING)}× (CDP \`Emulation.setCPUThrottlingRate\`), each household's « Présent » is clicked by playwright in list order, and households ${SUBSTITUTES.map((i) => String(i + 1)).join(', ')} get « qui est venu » changed to member n°3. A script in the page times each click from its event timestamp to the frame after it (requestAnimationFrame, then a MessageChannel task: after that frame is produced).`,
  "**Header share**: with the MA form open and the page scrolled to the top, the top of the screen's `<main>` (where the form's heading starts) ÷ the viewport's height.",
];

/** Issue 16's figures in Chromium: the roll call and the frame around a form. */
export async function runRollCallBench(log: (line: string) => void): Promise<SectionReport> {
  const title = 'The app in Chromium (§3): MA roll call and the frame around a form';
  await acquireSuiteLock();
  let rows: TargetRow[];
  let details: Record<string, unknown> = {};
  try {
    const r = await measureRollCall(log);
    rows = rollCallRows(r);
    details = { rollCall: r };
  } catch (e: unknown) {
    const message = (e instanceof Error ? e.message : String(e)).split('\n')[0] ?? '';
    log(`  roll call failed: ${message}`);
    rows = [
      targetRow('MA roll call', null, 'taps', atMost(160, 'taps'), `not measured: ${message}`),
    ];
  } finally {
    releaseSuiteLock();
  }
  return { title, rows, markdown: sectionMarkdown(title, rows, methods), details };
}
