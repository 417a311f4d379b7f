import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const artifactsDir = fileURLToPath(new URL('../../artifacts', import.meta.url));

// Without the background-networking flags Chromium keeps dialling Google, which this network refuses.
const chromiumFlags = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface Tablet {
  context: BrowserContext;
  page: Page;
  /** Closes the browser, keeping nothing: each tablet is a fresh profile. */
  close(): Promise<void>;
}

/**
 * One "tablet": Debian's Chromium with its own fresh profile (IndexedDB, service worker), sized like
 * a 7-inch tablet in portrait.
 */
export async function openTablet(name: string): Promise<Tablet> {
  const profile = mkdtempSync(join(tmpdir(), `jigi-${name}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: chromiumFlags,
    viewport: { width: 800, height: 1280 },
    locale: 'fr-ML',
    timezoneId: 'Africa/Bamako',
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: join(artifactsDir, `${name}.png`), fullPage: true });
}
