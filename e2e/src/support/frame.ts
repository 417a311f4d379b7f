import type { Page } from 'playwright-core';

/**
 * The share of the viewport's height above the open screen's `<main>` — the header, status and sync
 * area — scrolled to the top. Shared by the frame e2e test (≤ 15 %) and the app bench (§3).
 */
export function frameShare(page: Page): Promise<number> {
  return page.evaluate(() => {
    window.scrollTo(0, 0);
    const main = document.querySelector('main');
    return (main?.getBoundingClientRect().top ?? window.innerHeight) / window.innerHeight;
  });
}
