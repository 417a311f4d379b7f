import { gzipSync } from 'node:zlib';
import { LoginPage } from '../../../e2e/src/pages/auth-pages';
import type { AppServer } from '../../../e2e/src/support/app-server';
import { openTablet } from '../../../e2e/src/support/browser';

export interface AssetSize {
  path: string;
  bytes: number;
  gzipBytes: number;
}

export interface ShellSize {
  /** The JavaScript files the first screen (« Connexion » on a fresh tablet) requested, biggest first. */
  firstScreenJs: AssetSize[];
  firstScreenJsGzip: number;
  precache: { files: number; bytes: number; gzipBytes: number; jsGzipBytes: number };
}

async function sizeOf(server: AppServer, path: string): Promise<AssetSize> {
  const res = await fetch(new URL(path, server.url));
  if (!res.ok) throw new Error(`${path}: ${String(res.status)}`);
  const body = Buffer.from(await res.arrayBuffer());
  return { path, bytes: body.length, gzipBytes: gzipSync(body, { level: 9 }).length };
}

const sum = (xs: readonly AssetSize[], pick: (a: AssetSize) => number): number =>
  xs.reduce((s, a) => s + pick(a), 0);

/**
 * §3.1: opens the app on a fresh tablet (no service worker yet, so everything comes from the
 * network), waits for the login form, lets the page go quiet, and lists the `.js` files in the
 * page's Resource Timing; each is fetched again and gzipped at level 9. The precache is the list in
 * the served `sw.js`.
 */
export async function measureShellSize(server: AppServer): Promise<ShellSize> {
  const tablet = await openTablet('bench-shell');
  try {
    await tablet.page.goto(`${server.url}/`);
    await new LoginPage(tablet.page).waitUntilShown();
    await tablet.page.waitForLoadState('networkidle');
    const urls = await tablet.page.evaluate(() =>
      performance.getEntriesByType('resource').map((e) => e.name),
    );
    const paths = [
      ...new Set(
        urls
          .map((u) => new URL(u))
          .filter((u) => u.origin === new URL(server.url).origin && u.pathname.endsWith('.js'))
          .map((u) => u.pathname),
      ),
    ];
    const firstScreenJs = (await Promise.all(paths.map((p) => sizeOf(server, p)))).sort(
      (a, b) => b.gzipBytes - a.gzipBytes,
    );
    const sw = await (await fetch(`${server.url}/sw.js`)).text();
    const precached = [...sw.matchAll(/\{url:"([^"]+)",revision:/g)].map((m) => `/${m[1] ?? ''}`);
    if (precached.length === 0) throw new Error('no precache list found in sw.js');
    const precache = await Promise.all(precached.map((p) => sizeOf(server, p)));
    return {
      firstScreenJs,
      firstScreenJsGzip: sum(firstScreenJs, (a) => a.gzipBytes),
      precache: {
        files: precache.length,
        bytes: sum(precache, (a) => a.bytes),
        gzipBytes: sum(precache, (a) => a.gzipBytes),
        jsGzipBytes: sum(
          precache.filter((a) => a.path.endsWith('.js')),
          (a) => a.gzipBytes,
        ),
      },
    };
  } finally {
    await tablet.close();
  }
}
