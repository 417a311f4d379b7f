import { AppShell } from '../../../e2e/src/pages/app-shell';
import { LoginPage, PinSetupPage } from '../../../e2e/src/pages/auth-pages';
import type { AppServer } from '../../../e2e/src/support/app-server';
import { openTablet } from '../../../e2e/src/support/browser';
import { until } from '../../../e2e/src/support/wait';
import { installProbes, readProbes } from './page-probes';
import { splitPull, type PullSplit } from './pull-timing';
import { median } from './stats';

// The sync panel's phases while a sync runs (apps/field locales/fr/sync-engine.json, as e2e's AppShell reads them).
const RUNNING = /En attente…|Envoi des fiches…|Réception des mises à jour…/;

export interface PullWrite extends PullSplit {
  /** Changes the pages carried (records plus a few reference rows: villages, settings). */
  changes: number;
  records: number;
  /** Rows in the tablet's `records` store afterwards (IndexedDB, read directly). */
  storedRecords: number;
  changesPerSecStored: number;
  bytesPerPage: number;
  /**
   * Reading every stored record of the user in one IndexedDB getAll (median of 3, ms): what a query
   * that loads all records costs at this size, e.g. one re-run after each stored page.
   */
  readAllMs: number;
}

/**
 * Reads the app's IndexedDB `records` store whole, without the app's code, 3 times: how many rows it
 * holds, and what one getAll of them costs (median, ms) — what any query loading every record pays.
 */
async function readRecordsStore(
  page: import('playwright-core').Page,
): Promise<{ rows: number; readAllMs: number }> {
  const reads: { rows: number; ms: number }[] = [];
  for (let i = 0; i < 3; i++) {
    reads.push(
      await page.evaluate(
        () =>
          new Promise<{ rows: number; ms: number }>((resolve, reject) => {
            const open = indexedDB.open('jigi-collect');
            open.onerror = () => {
              reject(new Error(String(open.error)));
            };
            open.onsuccess = () => {
              const start = performance.now();
              const all = open.result.transaction('records').objectStore('records').getAll();
              all.onsuccess = () => {
                resolve({ rows: all.result.length, ms: performance.now() - start });
                open.result.close();
              };
              all.onerror = () => {
                reject(new Error(String(all.error)));
              };
            };
          }),
      ),
    );
  }
  return { rows: reads[0]?.rows ?? 0, readAllMs: median(reads.map((r) => r.ms)) };
}

/**
 * §3.3: a new tablet of a user who owns `expectedRecords` records on the server signs in; its first
 * sync pulls them page by page through the app's engine into Chromium's IndexedDB (Dexie,
 * `applyPullPage`: validation, search text, one transaction per page with its cursor). The page's
 * Resource Timing and the sync panel's end of sync split the time into network and storage.
 */
export async function measurePullWrite(
  server: AppServer,
  options: { login: string; expectedRecords: number },
): Promise<PullWrite> {
  const tablet = await openTablet('bench-pull');
  try {
    await installProbes(tablet.context);
    const pages: Promise<{ changes: number; records: number; bytes: number }>[] = [];
    tablet.page.on('response', (res) => {
      if (!res.url().includes('/api/sync/pull')) return;
      pages.push(
        res.body().then((body) => {
          const changes = (JSON.parse(body.toString('utf8')) as { changes: { entity: string }[] })
            .changes;
          return {
            changes: changes.length,
            records: changes.filter((c) => c.entity === 'record').length,
            bytes: body.length,
          };
        }),
      );
    });
    await tablet.page.goto(`${server.url}/`);
    await new LoginPage(tablet.page).logIn(options.login);
    await new PinSetupPage(tablet.page).choose();
    await new AppShell(tablet.page).waitUntilOpen();
    const ended = (status: { phase: string }): boolean =>
      status.phase !== '' && !RUNNING.test(status.phase);
    await until(
      `the first sync of ${String(options.expectedRecords)} records`,
      async () => {
        const status = (await readProbes(tablet.page)).syncStatus;
        return (
          status.some((s) => RUNNING.test(s.phase)) &&
          ended(status[status.length - 1] ?? { phase: '' })
        );
      },
      15 * 60_000,
    );
    const probes = await readProbes(tablet.page);
    const requests = await tablet.page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/sync/pull'))
        .map((e) => ({
          startTime: e.startTime,
          responseEnd: (e as PerformanceResourceTiming).responseEnd,
        })),
    );
    const lastAnswer = Math.max(...requests.map((r) => r.responseEnd));
    const doneAt = probes.syncStatus.find((s) => s.at >= lastAnswer && ended(s))?.at;
    if (doneAt === undefined)
      throw new Error('the sync panel never showed the end of the sync after the last pull answer');
    const split = splitPull(requests, doneAt);
    const bodies = await Promise.all(pages);
    const changes = bodies.reduce((s, p) => s + p.changes, 0);
    const records = bodies.reduce((s, p) => s + p.records, 0);
    const { rows: storedRecords, readAllMs } = await readRecordsStore(tablet.page);
    if (records !== options.expectedRecords || storedRecords !== options.expectedRecords) {
      throw new Error(
        `pull: ${String(records)} records pulled and ${String(storedRecords)} stored, ${String(options.expectedRecords)} expected`,
      );
    }
    if (bodies.length !== split.pages)
      throw new Error(
        `pull: ${String(bodies.length)} answers read but ${String(split.pages)} requests timed`,
      );
    return {
      ...split,
      changes,
      records,
      storedRecords,
      changesPerSecStored: (changes / split.storeMs) * 1000,
      bytesPerPage: bodies.reduce((s, p) => s + p.bytes, 0) / bodies.length,
      readAllMs,
    };
  } finally {
    await tablet.close();
  }
}
