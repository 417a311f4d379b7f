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
    s = await startTestServer({ seed: false, app: { staticDir } });
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
});
