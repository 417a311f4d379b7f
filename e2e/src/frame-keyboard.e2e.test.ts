// Issue 16, « The frame around the work » and « Keyboard and screen readers », on a 600×960 tablet
// in Chromium: what axe-core cannot see — the header's share of the screen with a form open, the page
// title and focus after « Suivant », the skip link, the focus ring's contrast on green, the sticky
// counts never covering the focused control, the installed app's orientation.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { HomePage } from './pages/home-page';
import { MaFormPage } from './pages/ma-form-page';
import { startAppServer, type AppServer } from './support/app-server';
import { screenshot } from './support/browser';
import { signIn, type SignedInTablet } from './support/field-session';
import { frameShare } from './support/frame';
import { villages } from './support/households';
import { Resources } from './support/resources';

let server: AppServer;
let tablet: SignedInTablet;
const resources = new Resources();

beforeAll(async () => {
  server = resources.server(await startAppServer());
  tablet = resources.tablet(await signIn(server, 'anim-frame', 'anim.koro'));
  await tablet.page.setViewportSize({ width: 600, height: 960 });
});

/** WCAG contrast of the focused element's outline against a background colour of the page. */
function focusRingContrast(page: Page, background: string): Promise<number> {
  return page.evaluate((bg) => {
    const rgb = (css: string) => (css.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map(Number);
    const lum = (css: string) => {
      const [r = 0, g = 0, b = 0] = rgb(css).map((v) => {
        const c = v / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const el = document.activeElement;
    if (!el) return 0;
    const style = getComputedStyle(el);
    if (style.outlineStyle === 'none' || Number.parseFloat(style.outlineWidth) === 0) return 0;
    const [a, b] = [lum(style.outlineColor), lum(bg)].sort((x, y) => y - x) as [number, number];
    return (a + 0.05) / (b + 0.05);
  }, background);
}

describe('the frame and the keyboard', () => {
  it('with a form open the header takes at most 15 % of the screen; title, focus, skip link, ring, counts', async () => {
    const { page } = tablet;
    await new HomePage(page).open('Nouvelle séance MA');
    const form = new MaFormPage(page);
    await form.waitUntilShown();

    // One line: header, status and sync above the form.
    const share = await frameShare(page);
    expect(share).toBeLessThanOrEqual(0.15);
    await screenshot(page, '41-frame-form-open');

    // The page title names the screen and its step; the heading has focus, not an off-screen button.
    await expect.poll(() => page.title()).toBe('Séance — Séance MA — Jigi Collect');

    // The first Tab stop is the skip link; Enter lands on the form's first field.
    // (Tab from the very start of the document, as after the address bar.)
    await page.evaluate(() => {
      const start = document.createElement('button');
      document.body.prepend(start);
      start.focus();
      start.addEventListener('blur', () => {
        start.remove();
      });
    });
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      'Aller au formulaire',
    );
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(
      await form.field('Village').getAttribute('id'),
    );

    // The focus ring reaches 3:1 on the green header…
    const green = await page.evaluate(
      () => getComputedStyle(document.querySelector('.app-header') as Element).backgroundColor,
    );
    await page.getByRole('link', { name: 'Jigi Collect' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await focusRingContrast(page, green)).toBeGreaterThanOrEqual(3);

    // « Suivant »: focus moves to the new step's heading and the title follows.
    await form.session({ village: villages.dioungani, sessionNo: 2, language: 'dogon' });
    await page.getByRole('button', { name: 'Suivant' }).click();
    await page.getByRole('heading', { name: 'Présences', level: 2 }).waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.textContent))
      .toBe('Présences');
    expect(await page.title()).toBe('Présences — Séance MA — Jigi Collect');

    // …and on a selected option (a household marked present, its radio focused by the keyboard).
    await form.households.nth(9).waitFor();
    const present = form.households.first().getByLabel('Présent', { exact: true });
    await present.check();
    await present.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    expect(await focusRingContrast(page, green)).toBeGreaterThanOrEqual(3);

    // The sticky counts never cover the focused control, Tab going up the list as well as down.
    const counts = page.getByTestId('roll-call-counts');
    await page.getByRole('button', { name: 'Marquer les non marqués comme absents' }).focus();
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press('Shift+Tab');
      const covered = await page.evaluate(() => {
        const bar = document.querySelector('[data-testid="roll-call-counts"]');
        const el = document.activeElement;
        if (!bar || !el?.closest('.roll-call')) return 'left';
        if (el.closest('[data-testid="roll-call-counts"]')) return false;
        const b = bar.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return r.top < b.bottom && r.bottom > b.top
          ? `${el.outerHTML.slice(0, 160)} at ${String(r.top)}–${String(r.bottom)} under ${String(b.top)}–${String(b.bottom)}`
          : false;
      });
      // Up past the first line and the search: the roll call is behind.
      if (covered === 'left') {
        expect(i, 'Shift+Tab went through every line').toBeGreaterThan(10);
        break;
      }
      expect(covered, `Shift+Tab ${String(i + 1)}`).toBe(false);
    }
    await counts.waitFor();
  });

  it('the installed app follows the tablet’s orientation', async () => {
    const res = await fetch(`${server.url}/manifest.webmanifest`);
    expect(res.ok).toBe(true);
    const manifest = (await res.json()) as { orientation?: string };
    expect(manifest.orientation).toBe('any');
  });
});
