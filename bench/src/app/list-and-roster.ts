import type { Page } from 'playwright-core';
import { CiblageFormPage } from '../../../e2e/src/pages/ciblage-form-page';
import { CiblageListPage } from '../../../e2e/src/pages/ciblage-list-page';
import type { SignedInTablet } from '../../../e2e/src/support/field-session';
import {
  readProbes,
  startKeystrokeRecording,
  typeSlowly,
  type EventTimingSample,
  type KeystrokeSample,
} from './page-probes';

export interface Typing {
  keystrokes: KeystrokeSample[];
  /** Event Timing entries of 16 ms or more (none when every keystroke was faster). */
  events: EventTimingSample[];
  /** The slowest keystroke, by whichever of the two measures saw it slower (ms). */
  worstMs: number;
  worstInputDelayMs: number;
  /** Main-thread tasks over 50 ms while typing (ms). */
  longTasks: number[];
}

export interface ListOpen {
  /** Tap on « Enquêtes ciblage » → the list's first page of lines in the DOM, then the next frame (ms), per run. */
  samples: number[];
  /** Households the list holds (its count line). */
  lines: number;
  /** Lines drawn when it opens (a page: the rest come with « Afficher plus »). */
  drawn: number;
}

export interface ListSearch {
  term: string;
  typing: Typing;
  linesAfter: number;
  /** Emptying the search box at once (every household matches again, a page of them drawn): one keystroke. */
  clearing: Typing;
}

function summarise(
  keystrokes: KeystrokeSample[],
  events: EventTimingSample[],
  longTasks: number[],
): Typing {
  const worstProbe = Math.max(0, ...keystrokes.map((k) => k.ms));
  const worstEvent = Math.max(0, ...events.map((e) => e.duration));
  return {
    keystrokes,
    events,
    worstMs: Math.max(worstProbe, worstEvent),
    worstInputDelayMs: Math.max(0, ...events.map((e) => e.inputDelay)),
    longTasks,
  };
}

async function recordTyping(
  page: Page,
  type: () => Promise<void>,
  expectedKeys: number,
): Promise<Typing> {
  await startKeystrokeRecording(page);
  await type();
  // The last keystroke's frame, and Event Timing's reporting delay.
  await page.waitForTimeout(500);
  const probes = await readProbes(page);
  if (probes.keystrokes.length < expectedKeys)
    throw new Error(
      `typing: ${String(probes.keystrokes.length)} keystrokes timed of ${String(expectedKeys)}`,
    );
  return summarise(
    probes.keystrokes,
    probes.events,
    probes.longTasks.map((t) => t.duration),
  );
}

const listLines = (page: Page): Promise<number> => page.locator('ul.list > li').count();

/**
 * The list draws at most a page of lines (50; « 50 sur 2 001 fiches ») and counts every match in its
 * count line: the matches are read there, the lines drawn in the DOM.
 */
const listMatches = async (page: Page): Promise<number> => {
  const text = (await page.getByTestId('list-count').innerText()).replace(/[\s\u00a0\u202f]/g, '');
  const total = /sur(\d+)/.exec(text)?.[1] ?? /^(\d+)/.exec(text)?.[1];
  if (total === undefined) throw new Error(`list count « ${text} » has no number`);
  return Number(total);
};
/** Lines a list of `matches` draws when it opens: a page of them (LIST_PAGE_SIZE of the field app). */
const linesDrawn = (matches: number): number => Math.min(matches, 50);

/**
 * §3.4, opening: from the home screen, a tap on « Enquêtes ciblage »; timed in the page from the
 * click to the frame after the last of the `expected` lines entered the DOM.
 */
export async function measureListOpen(
  tablet: SignedInTablet,
  expected: number,
  runs: number,
): Promise<ListOpen> {
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    await tablet.shell.goHome();
    const tile = tablet.page.getByRole('link', { name: /^Enquêtes ciblage/ });
    samples.push(
      await tile.evaluate(
        (link, lines) =>
          new Promise<number>((resolve) => {
            const start = performance.now();
            const observer = new MutationObserver(() => {
              if (document.querySelectorAll('ul.list > li').length < lines) return;
              observer.disconnect();
              requestAnimationFrame(() => {
                setTimeout(() => {
                  resolve(performance.now() - start);
                }, 0);
              });
            });
            observer.observe(document.body, { childList: true, subtree: true });
            (link as HTMLAnchorElement).click();
          }),
        linesDrawn(expected),
      ),
    );
  }
  const matches = await listMatches(tablet.page);
  if (matches !== expected)
    throw new Error(`the list counts ${String(matches)} households, expected ${String(expected)}`);
  return { samples, lines: matches, drawn: await listLines(tablet.page) };
}

/** §3.4, searching: on the open list, `term` typed key by key in « Rechercher (nom, code ménage) ». */
export async function measureListSearch(
  tablet: SignedInTablet,
  term: string,
  expected: number,
): Promise<ListSearch> {
  const page = tablet.page;
  const box = page.getByLabel('Rechercher (nom, code ménage)');
  await box.click();
  const typing = await recordTyping(page, () => typeSlowly(page, term, 250), term.length);
  const linesAfter = await listMatches(page);
  if (linesAfter === 0 || linesAfter >= expected)
    throw new Error(
      `search « ${term} » left ${String(linesAfter)} of ${String(expected)} households`,
    );
  if ((await listLines(page)) !== linesDrawn(linesAfter))
    throw new Error(
      `search « ${term} »: ${String(linesAfter)} matches but ${String(await listLines(page))} lines drawn`,
    );
  await page.keyboard.press('Control+A');
  const clearing = await recordTyping(page, () => page.keyboard.press('Backspace'), 1);
  if ((await listMatches(page)) !== expected)
    throw new Error('the whole list did not come back after the search was cleared');
  return { term, typing, linesAfter, clearing };
}

export interface RosterTyping {
  members: number;
  unthrottled: Typing;
  throttled: Typing;
  cpuThrottling: number;
}

/**
 * §3.5: the synced household `householdCode` (a roster of `members`) is reopened for a new version;
 * in the roster, member n°`members` is edited and a first name typed key by key, without and with
 * CPU throttling.
 */
export async function measureRosterTyping(
  tablet: SignedInTablet,
  options: { householdCode: string; members: number; cpuThrottling: number },
): Promise<RosterTyping> {
  const page = tablet.page;
  const list = new CiblageListPage(page);
  await page.getByLabel('Rechercher (nom, code ménage)').fill(options.householdCode);
  await list.item(options.householdCode).getByRole('link', { name: 'Ouvrir' }).click();
  const form = new CiblageFormPage(page);
  await form.reopenForEdit();
  await form.section('Membres');
  await page.getByText(`${String(options.members)} membres`, { exact: true }).waitFor();
  await form.editMember(options.members);
  const firstName = form.field('Prénom');
  const typeName = async (name: string): Promise<Typing> => {
    await firstName.click();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    return recordTyping(page, () => typeSlowly(page, name), name.length);
  };
  const unthrottled = await typeName('Aminata Kɔnɛ');
  const cdp = await tablet.context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuThrottling });
  try {
    const throttled = await typeName('Fatoumata Ɲaarɛ');
    return {
      members: options.members,
      unthrottled,
      throttled,
      cpuThrottling: options.cpuThrottling,
    };
  } finally {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await cdp.detach();
  }
}
