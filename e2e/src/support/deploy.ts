import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AppServer } from './app-server';

/**
 * « Deploys » a new version of the PWA on the running server: the service worker script changes
 * (a build stamp appended), which is what makes browsers install a new worker.
 */
export function deployNewVersion(server: AppServer, stamp: string): void {
  const sw = join(server.staticDir, 'sw.js');
  appendFileSync(sw, `\n// e2e deploy ${stamp}\n`);
  if (!readFileSync(sw, 'utf8').includes(stamp)) throw new Error('sw.js was not changed');
}
