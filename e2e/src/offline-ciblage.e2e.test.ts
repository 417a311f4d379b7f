// Issue 7, scenario 1: first visit online, then a whole ciblage survey offline — the app reopens with
// no network, a draft closed in the middle of the roster comes back exactly as left, and the
// finalised survey syncs once the network is back.
import { beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/app-shell';
import { LoginPage, PinSetupPage, UnlockPage } from './pages/auth-pages';
import { CiblageFormPage } from './pages/ciblage-form-page';
import { CiblageListPage } from './pages/ciblage-list-page';
import { HomePage } from './pages/home-page';
import { startAppServer, type AppServer } from './support/app-server';
import { openTablet, screenshot, type Tablet } from './support/browser';
import { eightMembers, villages } from './support/households';
import { waitForServiceWorker } from './support/service-worker';
import { Resources } from './support/resources';

const ENUMERATOR = 'Enquêteur Koro (démo)';
let server: AppServer;
let tablet: Tablet;

const resources = new Resources();

beforeAll(async () => {
  server = resources.server(await startAppServer());
  tablet = resources.tablet(await openTablet('enq-koro'));
});

describe('offline ciblage survey on one tablet', () => {
  it('logs in online, reopens offline, keeps a closed draft exactly as left, finalises and syncs', async () => {
    let page = tablet.page;
    const members = eightMembers('Togo');

    // First visit, online: login registers the device, then a PIN for offline unlocks.
    await page.goto(`${server.url}/`);
    const login = new LoginPage(page);
    await login.waitUntilShown();
    await screenshot(page, '01-login');
    await login.logIn('enq.koro');
    await new PinSetupPage(page).choose();
    let shell = new AppShell(page);
    await new HomePage(page).waitUntilShown(ENUMERATOR);
    await waitForServiceWorker(page);
    await shell.waitForIdle();
    await screenshot(page, '02-home-enumerator');

    // Offline, a reload still opens the app (service worker precache).
    await tablet.context.setOffline(true);
    await page.reload();
    await new HomePage(page).waitUntilShown(ENUMERATOR);
    expect(await shell.statusBar.innerText()).toContain('Hors ligne');

    // A new survey, offline; five members are entered and the sixth is being typed…
    await new HomePage(page).open('Nouvelle enquête ménage');
    let form = new CiblageFormPage(page);
    await form.waitUntilShown();
    await form.identification({ village: villages.dioungani });
    await form.consent();
    await form.section('Membres');
    for (const m of members.slice(0, 5)) await form.addMember(m);
    await page.getByRole('button', { name: '+ Ajouter un membre' }).click();
    await form.fill('Prénom', 'Kadiatou');
    await form.fill('Nom', 'Togo');
    await form.choose('Sexe', 'Féminin');
    await form.waitForAutosave();
    await screenshot(page, '03-ciblage-roster-member');

    // …when the page is closed. Reopened offline (a new tab: unlock with the PIN), the app resumes
    // where the user was.
    await page.close();
    page = await tablet.context.newPage();
    await page.goto(`${server.url}/`);
    await new UnlockPage(page).unlock();
    shell = new AppShell(page);
    await shell.waitUntilOpen();
    await shell.statusBar.getByText('1 brouillon').waitFor();

    // Exactly as left: in the sixth member's editor, with what was typed, and the five others listed.
    form = new CiblageFormPage(page);
    await page.getByRole('heading', { name: 'Membre n°6' }).waitFor();
    expect(await form.field('Prénom').inputValue()).toBe('Kadiatou');
    expect(await form.field('Nom').inputValue()).toBe('Togo');
    expect(await page.getByRole('group', { name: 'Sexe' }).getByLabel('Féminin').isChecked()).toBe(
      true,
    );
    expect(await form.field('Âge (années révolues)').inputValue()).toBe('');
    await form.fillMember(members[5]!);
    await page.getByRole('button', { name: 'Terminer ce membre' }).click();
    await form.memberCount.filter({ hasText: '6 membres' }).waitFor();
    for (const m of members.slice(0, 6))
      await page.getByText(`${m.firstName} ${m.lastName}`, { exact: true }).waitFor();

    // The last two members, every other section, then « Finaliser », still offline.
    for (const m of members.slice(6)) await form.addMember(m);
    await form.memberCount.filter({ hasText: '8 membres' }).waitFor();
    await screenshot(page, '04-ciblage-roster');
    await form.fillAfterRoster('n°1 Amadou Togo');
    await form.section('Récapitulatif');
    await expect.poll(() => form.blockingErrors()).toEqual([]);
    await page.getByText('Amadou Togo').first().waitFor();
    await screenshot(page, '05-ciblage-summary');
    await form.finalise();
    // (The « Fiche finalisée » flash is not asserted: it is sometimes lost on the list, see README.)
    await new CiblageListPage(page).item('Amadou Togo').getByText('Finalisé').waitFor();
    await shell.unsyncedCount.getByText('1 fiche non synchronisée').waitFor();

    // Back online: sync, the receipt shows the survey accepted.
    await tablet.context.setOffline(false);
    await shell.sync();
    await shell.receipt.getByText('1 envoyé, 1 accepté, 0 rejeté').waitFor();
    await shell.unsyncedCount.getByText('0 fiche non synchronisée').waitFor();
    await new CiblageListPage(page).item('Amadou Togo').getByText('Synchronisé').waitFor();
    await screenshot(page, '06-sync-receipt');
  });
});
