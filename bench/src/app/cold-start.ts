import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LoginPage, PinSetupPage } from '../../../e2e/src/pages/auth-pages';
import { AppShell } from '../../../e2e/src/pages/app-shell';
import type { AppServer } from '../../../e2e/src/support/app-server';
import { waitForServiceWorker } from '../../../e2e/src/support/service-worker';
import { installProbes, readProbes } from './page-probes';
import { launchOnProfile } from './profile-browser';

export interface ColdStart {
  /** Navigation start → first frame with an enabled, focusable input, one per relaunch (ms). */
  samples: number[];
  /** First contentful paint of each relaunch (ms). */
  fcp: number[];
  /** Per relaunch, until the input was usable: main-thread long tasks, in total and the longest (ms). */
  longTasksMs: number[];
  longestTaskMs: number[];
  /** Per relaunch, when the last script the app loaded before its input was usable had arrived (ms). */
  scriptsDoneMs: number[];
  /** Per relaunch: the app's IndexedDB asked to open → open (ms since navigation start). */
  idbOpen: { requested: number; opened: number }[];
  /** Scripts loaded before the input was usable (last relaunch), with the time each arrived. */
  scripts: { path: string; responseEnd: number }[];
  /** The heading of the screen that was usable (« Déverrouiller »). */
  screen: string;
  cpuThrottling: number;
}

/**
 * §3.2: a tablet signs in online (service worker installed, first sync done), Chromium is closed;
 * then `runs` times: Chromium starts again on that profile with the network off, the page's CPU is
 * throttled 4× (CDP `Emulation.setCPUThrottlingRate`), the app is opened, and the probe notes the
 * first frame in which an input of the unlock screen is enabled and takes focus. Each run also
 * checks that the API is unreachable, so the figure is the service worker's precache alone.
 */
export async function measureColdStart(
  server: AppServer,
  options: { login: string; runs: number; cpuThrottling: number },
): Promise<ColdStart> {
  const profile = mkdtempSync(join(tmpdir(), 'jigi-bench-cold-'));
  try {
    const first = await launchOnProfile(profile);
    try {
      await first.page.goto(`${server.url}/`);
      await new LoginPage(first.page).logIn(options.login);
      await new PinSetupPage(first.page).choose();
      const shell = new AppShell(first.page);
      await shell.waitUntilOpen();
      await waitForServiceWorker(first.page);
      await shell.waitForIdle();
    } finally {
      await first.context.close();
    }
    const result: ColdStart = {
      samples: [],
      fcp: [],
      longTasksMs: [],
      longestTaskMs: [],
      scriptsDoneMs: [],
      idbOpen: [],
      scripts: [],
      screen: '',
      cpuThrottling: options.cpuThrottling,
    };
    for (let run = 0; run < options.runs; run++) {
      const { context, page } = await launchOnProfile(profile, { offline: true });
      try {
        await installProbes(context);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuThrottling });
        await page.goto(`${server.url}/`, { waitUntil: 'commit' });
        await page.waitForFunction(
          () => window.__jigiBench?.usableInputAt !== undefined,
          undefined,
          { timeout: 60_000 },
        );
        const probes = await readProbes(page);
        const fcp = await page.evaluate(
          () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? -1,
        );
        const apiReachable = await page.evaluate(() =>
          fetch('/api/health').then(
            () => true,
            () => false,
          ),
        );
        if (apiReachable)
          throw new Error('cold start: the API answered although the network is off');
        const usableAt = probes.usableInputAt ?? Number.NaN;
        const before = probes.longTasks.filter((t) => t.start < usableAt);
        result.longTasksMs.push(before.reduce((sum, t) => sum + t.duration, 0));
        result.longestTaskMs.push(Math.max(0, ...before.map((t) => t.duration)));
        result.scripts = (
          await page.evaluate(() =>
            performance.getEntriesByType('resource').map((e) => ({
              path: new URL(e.name).pathname,
              responseEnd: (e as PerformanceResourceTiming).responseEnd,
            })),
          )
        ).filter((r) => r.path.endsWith('.js') && r.responseEnd < usableAt);
        result.scriptsDoneMs.push(Math.max(0, ...result.scripts.map((r) => r.responseEnd)));
        const appDb = probes.idbOpens.find((o) => o.name === 'jigi-collect');
        result.idbOpen.push(
          appDb
            ? { requested: appDb.requested, opened: appDb.opened }
            : { requested: Number.NaN, opened: Number.NaN },
        );
        result.samples.push(usableAt);
        result.fcp.push(fcp);
        result.screen = probes.usableInputScreen ?? '';
      } finally {
        await context.close();
      }
    }
    return result;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
