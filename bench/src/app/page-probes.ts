/// <reference lib="dom" />
// These functions run inside the page (addInitScript / evaluate), so they use the DOM's types; the
// reference above gives them to the bench's Node program, which has no DOM lib of its own.
import type { BrowserContext, Page } from 'playwright-core';

export interface KeystrokeSample {
  key: string;
  /** keydown's timestamp → the frame after the app handled the character (rAF, then a task: after paint). */
  ms: number;
  /** Lines of the work list (`ul.list > li`) on screen in that frame. */
  lines: number;
}

export interface EventTimingSample {
  name: string;
  duration: number;
  /** processingStart − startTime: how long the event waited for the main thread. */
  inputDelay: number;
  /** processingEnd − processingStart: the app's handlers for it (React's update included). */
  processing: number;
}

interface BenchProbes {
  usableInputAt?: number;
  usableInputScreen?: string;
  /** Each change of the sync panel's phase line or receipt, timed. */
  syncStatus: { at: number; phase: string; receipt: string }[];
  keystrokes: KeystrokeSample[];
  events: EventTimingSample[];
  /** Main-thread tasks over 50 ms since the document started, or since typing was recorded (ms). */
  longTasks: { start: number; duration: number }[];
  /** Each IndexedDB open the page asked for: when, and when the database was open (ms). */
  idbOpens: { name: string; requested: number; opened: number }[];
  recording?: boolean;
}

declare global {
  interface Window {
    __jigiBench?: BenchProbes;
  }
}

/**
 * Installed before any script of the app, on every document of `context`:
 * - the first frame in which an input of the app is enabled and takes focus (what "usable" means for
 *   the login and unlock screens), timed from navigation start;
 * - each change of the sync panel's phase line and receipt (`sync-phase`, `sync-receipt`), timed: the
 *   end of a sync is the first phase that is no longer a running one;
 * - long tasks (over 50 ms) from the start, and each IndexedDB open (asked → open): what the first
 *   screen waits for;
 * - a larger Resource Timing buffer, so a pull of 100+ pages keeps every request's timing.
 */
export async function installProbes(context: BrowserContext): Promise<void> {
  // tsx (esbuild, keepNames) wraps named inner functions in `__name(...)`, a helper that exists in
  // Node but not in the page: without this stand-in the probe throws before it starts.
  await context.addInitScript('globalThis.__name ??= (fn) => fn;');
  await context.addInitScript(() => {
    const probes: BenchProbes = {
      syncStatus: [],
      keystrokes: [],
      events: [],
      longTasks: [],
      idbOpens: [],
    };
    const openDatabase = indexedDB.open.bind(indexedDB);
    IDBFactory.prototype.open = (name: string, version?: number) => {
      const requested = performance.now();
      const request = version === undefined ? openDatabase(name) : openDatabase(name, version);
      request.addEventListener('success', () =>
        probes.idbOpens.push({ name, requested, opened: performance.now() }),
      );
      return request;
    };
    new PerformanceObserver((list) => {
      for (const task of list.getEntries())
        probes.longTasks.push({ start: task.startTime, duration: task.duration });
    }).observe({ type: 'longtask', buffered: true });
    window.__jigiBench = probes;
    performance.setResourceTimingBufferSize(20_000);
    const findUsableInput = (): void => {
      for (const el of Array.from(
        document.querySelectorAll<HTMLInputElement>('input, select, textarea'),
      )) {
        if (el.disabled || el.offsetParent === null) continue;
        const hadFocus = document.activeElement === el;
        el.focus({ preventScroll: true });
        if (document.activeElement !== el) continue;
        if (!hadFocus) el.blur();
        probes.usableInputAt = performance.now();
        probes.usableInputScreen = document.querySelector('h1')?.textContent ?? '';
        return;
      }
      requestAnimationFrame(findUsableInput);
    };
    requestAnimationFrame(findUsableInput);
    let lastStatus = '';
    new MutationObserver(() => {
      const phase = document.querySelector('[data-testid="sync-phase"]')?.textContent ?? '';
      const receipt = document.querySelector('[data-testid="sync-receipt"]')?.textContent ?? '';
      const status = `${phase} | ${receipt}`;
      if (status !== lastStatus) probes.syncStatus.push({ at: performance.now(), phase, receipt });
      lastStatus = status;
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

/**
 * Starts recording typing latency in the page: for each character typed (or deleted), the time
 * from its keydown until the frame after the app handled it is presented (requestAnimationFrame then a task), and every Event Timing entry
 * of 16 ms or more (the browser's own keydown/input → next paint, INP's source).
 */
export async function startKeystrokeRecording(page: Page): Promise<void> {
  await page.evaluate(() => {
    // A page opened by e2e's helpers has no init-time probes; typing needs none of them.
    const probes = (window.__jigiBench ??= {
      syncStatus: [],
      keystrokes: [],
      events: [],
      longTasks: [],
      idbOpens: [],
    });
    probes.keystrokes = [];
    probes.events = [];
    probes.longTasks = [];
    if (probes.recording === true) return;
    probes.recording = true;
    new PerformanceObserver((list) => {
      for (const task of list.getEntries())
        probes.longTasks.push({ start: task.startTime, duration: task.duration });
    }).observe({ type: 'longtask' });
    // Each character is timed from its keydown (or, for ɛ ɔ ɲ and other characters a US keyboard
    // lacks, which arrive as text without a keydown, from its beforeinput) to the frame after it.
    let keyDownAt: number | undefined;
    document.addEventListener(
      'keydown',
      (e) => {
        keyDownAt = e.timeStamp;
      },
      { capture: true },
    );
    document.addEventListener(
      'keyup',
      () => {
        keyDownAt = undefined;
      },
      { capture: true },
    );
    document.addEventListener(
      'beforeinput',
      (e) => {
        const start = keyDownAt ?? e.timeStamp;
        keyDownAt = undefined;
        const key = e.data ?? e.inputType;
        requestAnimationFrame(() => {
          setTimeout(() => {
            probes.keystrokes.push({
              key,
              ms: performance.now() - start,
              lines: document.querySelectorAll('ul.list > li').length,
            });
          }, 0);
        });
      },
      { capture: true },
    );
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as PerformanceEventTiming[]) {
        probes.events.push({
          name: entry.name,
          duration: entry.duration,
          inputDelay: entry.processingStart - entry.startTime,
          processing: entry.processingEnd - entry.processingStart,
        });
      }
    }).observe({
      type: 'event',
      durationThreshold: 16,
      buffered: false,
    } as PerformanceObserverInit);
  });
}

export async function readProbes(page: Page): Promise<BenchProbes> {
  const probes = await page.evaluate(() => window.__jigiBench);
  if (!probes) throw new Error('bench probes not installed');
  return probes;
}

/** Types `text` key by key, `gapMs` apart so each keystroke gets its own frame, as a person types. */
export async function typeSlowly(page: Page, text: string, gapMs = 120): Promise<void> {
  for (const ch of text) {
    await page.keyboard.type(ch);
    await page.waitForTimeout(gapMs);
  }
}
