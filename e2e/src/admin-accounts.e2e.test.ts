// Issue 15 §6, the administrator's day in Chromium: an account created in the console with its zone
// picked by name logs in on a fresh tablet and syncs; a village file with one bad line shows that
// line and imports nothing until it is corrected; a supervisor of Gao sees none of it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureConsole, openConsole, type ConsoleBrowser } from './admin-console-pages';
import { AppShell } from './pages/app-shell';
import { LoginPage, PinSetupPage } from './pages/auth-pages';
import { startAppServer, type AppServer } from './support/app-server';
import { openTablet, screenshot } from './support/browser';
import { Resources } from './support/resources';
import { waitForServiceWorker } from './support/service-worker';

const resources = new Resources();
const files = mkdtempSync(join(tmpdir(), 'jigi-e2e-admin-'));
let server: AppServer;
let admin: ConsoleBrowser;

beforeAll(async () => {
  server = resources.server(await startAppServer());
  await ensureConsole(server);
  admin = resources.tablet(await openConsole(server, 'admin-console', 'admin'));
});
afterAll(() => {
  rmSync(files, { recursive: true, force: true });
});

describe('administration in the console', () => {
  it('creates an enumerator of Koro who logs in on a fresh tablet and syncs', async () => {
    await admin.console.createAccount({
      name: 'Awa Traoré',
      login: 'awa.traore',
      password: 'Awa-2026-koro',
      role: 'Enquêteur',
      zone: { region: 'Mopti', cercle: 'Koro' },
    });
    const row = admin.console.row('awa.traore');
    await row.getByText('Cercle de Koro (Mopti)').waitFor();
    await screenshot(admin.page, '60-admin-account-created');

    const tablet = resources.tablet(await openTablet('awa'));
    await tablet.page.goto(`${server.url}/`);
    await new LoginPage(tablet.page).logIn('awa.traore', 'Awa-2026-koro');
    await new PinSetupPage(tablet.page).choose();
    const shell = new AppShell(tablet.page);
    await shell.waitUntilOpen();
    await waitForServiceWorker(tablet.page);
    await shell.waitForIdle();

    // The tablet is named for her, never by its id, and the server saw its sync.
    await admin.console.open('Tablettes');
    const tabletRow = admin.console.row('Tablette de Awa Traoré n° 1');
    await tabletRow.waitFor();
    expect(await tabletRow.innerText()).not.toContain('jamais');
    expect(await tabletRow.innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    await screenshot(admin.page, '61-admin-tablets');
  });

  it('shows the bad line of a village file and imports nothing until it is corrected', async () => {
    const bad = join(files, 'villages.csv');
    writeFileSync(
      bad,
      'Nom;Commune;Cercle;PNP;Quota\nKani-Bamba;Bamba;Koro;oui;25\nSogou;Nulle-Part;;non;10\n',
    );
    await admin.console.open('Villages');
    await admin.console.previewImport(bad);
    const error = admin.page.getByTestId('import-error');
    await error.getByText('Ligne 3').waitFor();
    expect(await error.innerText()).toContain('commune « Nulle-Part » introuvable');
    expect(await admin.page.getByRole('button', { name: /^Importer/ }).count()).toBe(0);
    await screenshot(admin.page, '62-admin-village-import-error');
    const before = await admin.page.request.get(`${server.url}/api/admin/villages?q=kani`);
    expect((await before.json()) as unknown).toMatchObject({ total: 0 });

    writeFileSync(
      bad,
      'Nom;Commune;Cercle;PNP;Quota\nKani-Bamba;Bamba;Koro;oui;25\nSogou;Dioungani;;non;10\n',
    );
    await admin.console.previewImport(bad);
    await admin.page
      .getByText('2 lignes vérifiées, aucune erreur : 2 à créer, 0 à mettre à jour.')
      .waitFor();
    await admin.page.getByRole('button', { name: 'Importer les 2 lignes' }).click();
    await admin.page.getByText('2 lignes importées (2 créées, 0 mises à jour).').waitFor();
    await admin.console.row('Kani-Bamba').getByText('Bamba, Koro, Mopti').waitFor();
    await screenshot(admin.page, '63-admin-village-imported');
  });

  it('shows a supervisor of Gao none of these screens or their data', async () => {
    const gao = resources.tablet(await openConsole(server, 'sup-gao-console', 'sup.gao'));
    expect(await gao.console.nav.getByRole('link', { name: 'Administration' }).count()).toBe(0);
    for (const path of ['users', 'devices', 'villages?q=kani', 'audit', 'quarantine']) {
      const res = await gao.page.request.get(`${server.url}/api/admin/${path}`);
      expect(res.status(), path).toBe(403);
    }
    // Nor do the Koro villages reach Gao's scope.
    const scope = await gao.page.request.get(`${server.url}/api/reference/villages`);
    const { villages } = (await scope.json()) as { villages: { communeCode: string }[] };
    expect(villages.some((v) => v.communeCode.startsWith('mopti.koro'))).toBe(false);
  });
});
