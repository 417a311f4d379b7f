// Issue 7, scenario 7: a new version of the app is deployed while a draft is open. The prompt
// « Nouvelle version disponible » appears, nothing changes until the user chooses « Mettre à jour »
// (never under the open form), and the draft is intact after the update.
import { beforeAll, describe, expect, it } from 'vitest';
import { CiblageFormPage } from './pages/ciblage-form-page';
import { CiblageListPage } from './pages/ciblage-list-page';
import { HomePage } from './pages/home-page';
import { UpdateBanner } from './pages/update-banner';
import { startAppServer, type AppServer } from './support/app-server';
import { screenshot } from './support/browser';
import { deployNewVersion } from './support/deploy';
import { signIn, type SignedInTablet } from './support/field-session';
import { villages } from './support/households';
import { checkForUpdate, hasWaitingWorker } from './support/service-worker';
import { Resources } from './support/resources';

let server: AppServer;
let tablet: SignedInTablet;

const resources = new Resources();

beforeAll(async () => {
  server = resources.server(await startAppServer());
  tablet = resources.tablet(await signIn(server, 'enq-koro', 'enq.koro'));
});

describe('app update', () => {
  it('prompts for a new version while a draft is open, applies it only when chosen, keeps the draft', async () => {
    const { page } = tablet;
    const banner = new UpdateBanner(page);

    // A draft is open: a member half typed.
    await new HomePage(page).open('Nouvelle enquête ménage');
    const form = new CiblageFormPage(page);
    await form.waitUntilShown();
    await form.identification({ village: villages.dioungani, householdCode: 'DIO-MAJ-0001' });
    await form.consent();
    await form.section('Membres');
    await form.addMember({
      firstName: 'Hamidou',
      lastName: 'Cissé',
      sex: 'M',
      relation: 'chef',
      age: 50,
    });
    await page.getByRole('button', { name: '+ Ajouter un membre' }).click();
    await form.fill('Prénom', 'Ramata');
    await form.fill('Nom', 'Cissé');
    await form.waitForAutosave();

    // New version on the server; the app looks for it.
    deployNewVersion(server, 'v2');
    await checkForUpdate(page);
    await banner.banner.waitFor();
    await banner.waitForFormNotice.waitFor();
    expect(await banner.applyButton.isDisabled()).toBe(true);
    await screenshot(page, '17-update-prompt-over-form');

    // Not applied: the new worker waits, the form is untouched.
    expect(await hasWaitingWorker(page)).toBe(true);
    expect(await form.field('Prénom').inputValue()).toBe('Ramata');
    expect(await form.field('Nom').inputValue()).toBe('Cissé');

    // Leaving the form (the draft is kept) enables « Mettre à jour »; a reload alone does not update.
    await page.getByRole('link', { name: '← Retour' }).click();
    await new CiblageListPage(page).waitUntilShown();
    expect(await banner.applyButton.isEnabled()).toBe(true);
    await page.reload();
    await banner.banner.waitFor();
    expect(await hasWaitingWorker(page)).toBe(true);

    // The user chooses the update: the page reloads on the new worker, which no longer waits.
    await banner.apply();
    await tablet.shell.waitUntilOpen();
    expect(await hasWaitingWorker(page)).toBe(false);
    expect(await banner.banner.count()).toBe(0);

    // The draft is intact: same member being typed, same values.
    await tablet.shell.statusBar.getByText('1 brouillon').waitFor();
    await tablet.shell.goHome();
    await new HomePage(page).open('Enquêtes ciblage');
    await new CiblageListPage(page).open('Hamidou Cissé');
    await page.getByRole('heading', { name: 'Membre n°2' }).waitFor();
    expect(await form.field('Prénom').inputValue()).toBe('Ramata');
    expect(await form.field('Nom').inputValue()).toBe('Cissé');
    await page.getByRole('button', { name: 'Terminer ce membre' }).click();
    await form.memberCount.filter({ hasText: '2 membres' }).waitFor();
    await form.section('Identification');
    expect(await form.field('Code ménage').inputValue()).toBe('DIO-MAJ-0001');
  });
});
