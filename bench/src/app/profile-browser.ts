import { chromium, type BrowserContext, type Page } from 'playwright-core';

// The same Chromium and flags as e2e/src/support/browser.ts (without the background-networking
// flags Chromium dials Google, which this network refuses). That helper deletes its profile on close;
// a cold start needs the same profile across browser launches, hence this one.
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

export const chromiumPath = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** Chromium on an existing profile (kept on close), sized like the e2e tablets. */
export async function launchOnProfile(
  profileDir: string,
  options: { offline?: boolean } = {},
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath,
    args: chromiumFlags,
    viewport: { width: 800, height: 1280 },
    locale: 'fr-ML',
    timezoneId: 'Africa/Bamako',
    offline: options.offline ?? false,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** The flags, for a Chromium that Lighthouse drives over its debugging port. */
export function headlessFlags(): readonly string[] {
  return chromiumFlags;
}
