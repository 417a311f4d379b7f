import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { AppServer } from './app-server';
import type { Tablet } from './browser';
import { screenshotsOnFailure } from './failure-shots';
import { acquireSuiteLock, releaseSuiteLock } from './suite-lock';

/**
 * What a test file opened — its server, its tablets — closed in `afterAll` (last opened, first
 * closed) even when `beforeAll` failed half-way; failed tests get a screenshot of every open page.
 * One file at a time on the machine holds the e2e lock (see suite-lock.ts).
 */
export class Resources {
  private readonly closers: (() => Promise<void>)[] = [];
  private readonly tablets: Tablet[] = [];

  constructor() {
    beforeAll(acquireSuiteLock);
    screenshotsOnFailure(() => this.pages());
    afterAll(async () => {
      for (const close of this.closers.reverse()) {
        await close().catch((e: unknown) => {
          console.error(e);
        });
      }
      releaseSuiteLock();
    });
  }

  server(server: AppServer): AppServer {
    this.closers.push(() => server.stop());
    return server;
  }

  tablet<T extends Tablet>(tablet: T): T {
    this.tablets.push(tablet);
    this.closers.push(() => tablet.close());
    return tablet;
  }

  private pages(): Page[] {
    return this.tablets.flatMap((t) => t.context.pages());
  }
}
