// Issue 16 (forms): a choice made just before a reload is kept, and a failed visit (household absent)
// is recorded as the visit's outcome alone — no consent, no other section — finalised and accepted
// by the server.
import { beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell';
import { LoginPage, PinSetupPage } from './pages/auth-pages';
import { CiblageFormPage } from './pages/ciblage-form-page';
import { CiblageListPage } from './pages/ciblage-list-page';
import { HomePage } from './pages/home-page';
import { startAppServer, type AppServer } from './support/app-server';
import { openTablet, screenshot, type Tablet } from './support/browser';
import { villages } from './support/households';
import { Resources } from './support/resources';

const ENUMERATOR = 'Enquêteur Koro (démo)';
let server: AppServer;
let tablet: Tablet;
const resources = new Resources();

beforeAll(async () => {
  server = resources.server(await startAppServer());
  tablet = resources.tablet(await openTablet('enq-koro-visit'));
});

describe('ciblage: a failed visit, and a choice kept across a reload', () => {
  it('keeps a dropdown choice made just before a reload; an absent household is finalised and accepted', async () => {
    const page = tablet.page;
    await page.goto(`${server.url}/`);
    const login = new LoginPage(page);
    await login.waitUntilShown();
    await login.logIn('enq.koro');
    await new PinSetupPage(page).choose();
    await new HomePage(page).waitUntilShown(ENUMERATOR);
    const shell = new AppShell(page);
    await shell.waitForIdle();

    await new HomePage(page).open('Nouvelle enquête ménage');
    const form = new CiblageFormPage(page);
    await form.waitUntilShown();
    await form.identification({ village: villages.dioungani });
    // A choice, then a reload well inside the typing pause (500 ms): the choice was written at once.
    await form.select('Statut de résidence', 'pdi');
    await page.waitForTimeout(150);
    await page.reload();
    await form.waitUntilShown();
    expect(await form.field('Statut de résidence').inputValue()).toBe('pdi');

    // The household is away: the visit's outcome, not a « Non » to consent.
    await form.failedVisit('Ménage absent');
    expect(
      await page.getByRole('group', { name: 'Le ménage accepte-t-il de répondre ?' }).count(),
    ).toBe(0);
    const nav = page.getByRole('navigation', { name: 'Sections' });
    expect(await nav.getByRole('button', { name: 'Membres', exact: true }).count()).toBe(0);
    await form.section('Récapitulatif');
    await expect.poll(() => form.blockingErrors()).toEqual([]);
    await screenshot(page, 'failed-visit-summary');
    await form.finalise();
    await new CiblageListPage(page).waitUntilShown();
    await shell.sync();
    await shell.receipt.getByText('1 envoyé, 1 accepté, 0 rejeté').waitFor();
  });
});
