import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../test-support/harness';

describe('serving the built PWA', () => {
  let s: TestServer;
  beforeAll(async () => {
    const staticDir = fs.mkdtempSync(path.join(process.env['TMPDIR'] ?? '/tmp', 'jigi-dist-'));
    fs.mkdirSync(path.join(staticDir, 'assets'));
    fs.writeFileSync(
      path.join(staticDir, 'index.html'),
      '<!doctype html><title>Jigi</title><script type="module" src="/assets/index-a1b2c3.js"></script>',
    );
    fs.writeFileSync(path.join(staticDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    fs.writeFileSync(
      path.join(staticDir, 'assets', 'index-a1b2c3.js'),
      `console.log(${JSON.stringify('x'.repeat(4000))});`,
    );
    // The console, built on its own (apps/console/dist), served under /console/.
    const consoleDir = fs.mkdtempSync(path.join(process.env['TMPDIR'] ?? '/tmp', 'jigi-console-'));
    fs.mkdirSync(path.join(consoleDir, 'assets'), { recursive: true });
    fs.writeFileSync(
      path.join(consoleDir, 'index.html'),
      '<!doctype html><title>Console</title><script type="module" src="/console/assets/index-c0ffee.js"></script>',
    );
    fs.writeFileSync(path.join(consoleDir, 'assets', 'index-c0ffee.js'), 'console.log(1);');
    fs.writeFileSync(path.join(consoleDir, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    s = await startTestServer({ seed: false, app: { staticDir, consoleDir } });
  });
  afterAll(async () => {
    await s.close();
  });

  it('serves index.html uncached with a strict CSP', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<title>Jigi</title>');
    expect(res.headers['cache-control']).toBe('no-cache');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-frame-options']).toBe('DENY');
  });

  it('serves the service worker at the root, uncached', async () => {
    const res = await s.app.inject({ method: 'GET', url: '/sw.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['service-worker-allowed']).toBe('/');
  });

  it('serves hashed assets as immutable, gzip-compressed when asked', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: '/assets/index-a1b2c3.js',
      headers: { 'accept-encoding': 'gzip' },
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers['content-encoding']).toBe('gzip');
  });

  it('falls back to index.html for client routes, but not for the API or missing assets', async () => {
    const page = await s.app.inject({ method: 'GET', url: '/revue/lots/12' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Jigi</title>');
    const api = await s.app.inject({ method: 'GET', url: '/api/inconnu' });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: { code: 'route_not_found' } });
    expect((await s.app.inject({ method: 'GET', url: '/assets/missing-123.js' })).statusCode).toBe(
      404,
    );
  });

  it('serves the console under /console/, its client routes from its own index.html, with no service worker', async () => {
    for (const url of ['/console/', '/console', '/console/batches/12?zone=mopti.koro']) {
      const page = await s.app.inject({ method: 'GET', url });
      expect(page.statusCode, url).toBe(200);
      expect(page.body, url).toContain('<title>Console</title>');
      expect(page.headers['cache-control'], url).toBe('no-cache');
    }
    const asset = await s.app.inject({ method: 'GET', url: '/console/assets/index-c0ffee.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(
      (await s.app.inject({ method: 'GET', url: '/console/assets/gone-1.js' })).statusCode,
    ).toBe(404);
    const sw = await s.app.inject({ method: 'GET', url: '/console/sw.js' });
    expect(sw.body).not.toContain('addEventListener');
    expect(sw.headers['service-worker-allowed']).toBeUndefined();
    // The field app is still at the root, and its routes still fall back to its own page.
    expect((await s.app.inject({ method: 'GET', url: '/' })).body).toContain('<title>Jigi</title>');
    expect((await s.app.inject({ method: 'GET', url: '/consoles' })).body).toContain(
      '<title>Jigi</title>',
    );
  });
});
