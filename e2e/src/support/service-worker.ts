import type { Page } from 'playwright-core';

/**
 * Waits until the PWA's service worker is active and controls the page: from then on the precache
 * answers a reload with no network.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
    if (navigator.serviceWorker.controller) return;
    await new Promise<void>((resolve) => {
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        resolve();
      });
    });
  });
}

/** The script URL of the worker that controls the page (null when none does). */
export async function controllingWorker(page: Page): Promise<string | null> {
  return page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null);
}
