import { afterEach } from 'vitest';
import type { Page } from 'playwright-core';
import { screenshot } from './browser';

/**
 * After a failed test, a screenshot of every open page (`failed-<test>-<n>.png` in e2e/artifacts),
 * to see what the tablet showed when the wait timed out.
 */
export function screenshotsOnFailure(pages: () => readonly (Page | undefined)[]): void {
  afterEach(async (ctx) => {
    if (ctx.task.result?.state !== 'fail') return;
    const name = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 60);
    let n = 0;
    for (const page of pages()) {
      n += 1;
      if (page && !page.isClosed())
        await screenshot(page, `failed-${name}-${n}`).catch(() => undefined);
    }
  });
}
