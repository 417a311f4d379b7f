// Issue 15, items 1 and 6: the console at /console/ in Chromium. A supervisor signs in there with a
// password (no PIN, no tablet status bar), stays signed in on the laptop, reviews a household the
// enumerator synced, and is locked out after inactivity; a field user who opens the console, and a
// supervisor who opens the tablet app, are each told where to go. (Gao's supervisor seeing nothing
// of Koro's data in the console: zone-scope.e2e.test.ts.)
import type { Page } from 'playwright-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, LoginPage, PinSetupPage } from './pages/auth-pages';
import {
  BatchDetailPage,
  BatchListPage,
  RecordViewPage,
  SupervisorConsole,
} from './pages/supervisor-console';
import { startAppServer, type AppServer } from './support/app-server';
import { openTablet, screenshot, type Tablet } from './support/browser';
import { villages } from './support/households';
import { Resources } from './support/resources';
import { pushHousehold } from './support/tablet-push';

let server: AppServer;
let koroRecord: string;
const resources = new Resources();
const opened: Tablet[] = [];

beforeAll(async () => {
  server = resources.server(await startAppServer());
  koroRecord = (await pushHousehold(server, 'enq.koro', 'Tablette Koro 7', villages.dioungani))
    .recordId;
});

afterEach(async () => {
  for (const t of opened.splice(0)) await t.close();
});

/** A laptop: a fresh browser profile, wide. */
async function laptop(name: string): Promise<Tablet> {
  const browser = await openTablet(name);
  opened.push(browser);
  await browser.page.setViewportSize({ width: 1280, height: 800 });
  return browser;
}

function statusOf(page: Page, url: string): Promise<number> {
  return page.evaluate(async (u) => (await fetch(u)).status, url);
}

describe('the console', () => {
  it('signs a supervisor in by password, keeps them signed in, and lets them review a tablet’s household', async () => {
    const { page } = await laptop('sup-laptop');
    await page.goto(`${server.url}/console/`);
    const console = new SupervisorConsole(page, server.url);
    await console.signIn('sup.koro');
    // No tablet here: no PIN was asked, no sync bar, no storage warning.
    expect(await page.getByText(/code PIN/i).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Synchroniser' }).count()).toBe(0);
    expect(await page.getByText(/Stockage/).count()).toBe(0);
    expect(new URL(page.url()).pathname).toBe('/console/batches');
    // Not the field app: the console registers no service worker.
    expect(
      await page.evaluate(() => navigator.serviceWorker.getRegistrations().then((r) => r.length)),
    ).toBe(0);

    const batches = new BatchListPage(page);
    await batches.rowOf('Enquêteur Koro (démo)').waitFor();
    await screenshot(page, 'console-01-batches');
    // A new visit on the same laptop: still signed in.
    await page.reload();
    await batches.rowOf('Enquêteur Koro (démo)').waitFor();
    await batches.open(1);
    // The tablet by its name, not its id.
    await page.getByText('Tablette de Enquêteur Koro (démo) n° 1', { exact: true }).waitFor();
    await new BatchDetailPage(page).openRecord('Ménage KOR-');
    const record = new RecordViewPage(page);
    await record.title(/^Ménage KOR-/).waitFor();
    await record.status('À examiner').waitFor();
    await record.approve();
    await record.status('Approuvé').waitFor();
    await screenshot(page, 'console-02-approved');
  });

  it('locks after 15 minutes without activity, closes the server session, and opens again with the password', async () => {
    const { page } = await laptop('sup-idle');
    await page.clock.install();
    await page.goto(`${server.url}/console/`);
    await new SupervisorConsole(page, server.url).signIn('sup.koro');
    expect(await statusOf(page, '/api/auth/session')).toBe(200);
    await page.clock.fastForward('14:00');
    await page.clock.runFor(6_000);
    expect(await page.getByRole('heading', { name: 'Console verrouillée' }).count()).toBe(0);
    await page.clock.fastForward('02:00');
    await page.clock.runFor(6_000);
    await page.getByRole('heading', { name: 'Console verrouillée' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Menu de la console' }).count()).toBe(0);
    // The cookie no longer opens anything: the lock is not just a screen.
    await expect.poll(() => statusOf(page, '/api/review/batches')).toBe(401);
    await screenshot(page, 'console-03-locked');
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Déverrouiller' }).click();
    await new BatchListPage(page).rowOf('Enquêteur Koro (démo)').waitFor();
    expect(await statusOf(page, '/api/review/batches')).toBe(200);
  });

  it('shows a supervisor of Gao none of Koro’s data, on any screen or typed address', async () => {
    const { page } = await laptop('sup-gao');
    await page.goto(`${server.url}/console/`);
    const console = new SupervisorConsole(page, server.url);
    await console.signIn('sup.gao');
    await new BatchListPage(page).empty.waitFor();
    const koro = /Koro|Dioungani|Madougou|KOR-/;
    expect(await page.getByText(koro).count()).toBe(0);
    for (const address of ['/batches/1', `/records/${koroRecord}`]) {
      await console.visit(address);
      await page.getByText('Introuvable (ou hors de vos zones).').waitFor();
      expect(await page.getByText(koro).count(), address).toBe(0);
    }
    await console.go('Conflits');
    await page.getByText('Aucun conflit à arbitrer.').waitFor();
    await console.go('Doublons');
    await page.getByText('Aucun doublon probable.').waitFor();
    await console.go('Tableau de bord');
    await page.getByRole('heading', { name: 'Ciblage : ménages enquêtés et quota' }).waitFor();
    await page.getByRole('table', { name: 'Ménages enquêtés par village' }).waitFor();
    expect(await page.getByText(koro).count()).toBe(0);
    await screenshot(page, 'console-05-gao-dashboard');
  });

  it('tells a field user who opens it to use the tablet app', async () => {
    const { page } = await laptop('enq-in-console');
    await page.goto(`${server.url}/console/batches`);
    await page.getByRole('heading', { name: 'Connexion à la console' }).waitFor();
    await page.getByLabel('Identifiant').fill('enq.koro');
    await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Se connecter' }).click();
    await page
      .getByRole('heading', { name: 'Cette console n’est pas pour votre compte' })
      .waitFor();
    const link = page.getByRole('link', { name: 'Ouvrir l’application de la tablette' });
    expect(await link.getAttribute('href')).toBe('/');
    expect(await statusOf(page, '/api/auth/session')).toBe(401);
    await link.click();
    await new LoginPage(page).waitUntilShown();
  });

  it('tells a supervisor who opens the tablet app to use the console, and gets them there', async () => {
    const tablet = await openTablet('sup-on-tablet');
    opened.push(tablet);
    const { page } = tablet;
    await page.goto(`${server.url}/`);
    await new LoginPage(page).logIn('sup.koro');
    await new PinSetupPage(page).choose();
    await page.getByRole('heading', { name: 'La supervision se fait dans la console' }).waitFor();
    await screenshot(page, 'console-04-tablet-says-console');
    // Its old console address says the same.
    await page.goto(`${server.url}/#/supervision/batches`);
    await page.getByRole('link', { name: 'Ouvrir la console' }).click();
    await page.getByRole('heading', { name: 'Connexion à la console' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/console/');
  });
});
