// Issue 7, scenario 6: two tablets, each offline, edit the same household. A conflicting change of
// a critical field (the head's name) waits for the supervisor, who chooses; both tablets then
// converge. Changes of different fields merge with no conflict.
import { beforeAll, describe, expect, it } from 'vitest';
import { CiblageFormPage } from './pages/ciblage-form-page';
import { CiblageListPage } from './pages/ciblage-list-page';
import { HomePage } from './pages/home-page';
import { ConflictQueuePage, SupervisorConsole } from './pages/supervisor-console';
import { startAppServer, type AppServer } from './support/app-server';
import { screenshot } from './support/browser';
import { captureCiblage } from './support/capture';
import { signIn, type SignedInTablet } from './support/field-session';
import { twoMembers, villages } from './support/households';
import { Resources } from './support/resources';

let server: AppServer;
let tabletA: SignedInTablet;
let tabletB: SignedInTablet;
let supervisor: SignedInTablet;

const resources = new Resources();

beforeAll(async () => {
  server = resources.server(await startAppServer());
  tabletA = resources.tablet(await signIn(server, 'tablet-a', 'enq.koro'));
  await captureCiblage(tabletA, villages.dioungani, twoMembers('Sagara', 'Ousmane'));
  await captureCiblage(tabletA, villages.madougou, twoMembers('Poudiougo', 'Yacouba'));
  await tabletA.shell.syncUntilClean();
  // The same enumerator's second tablet pulls both households at its first sync.
  tabletB = resources.tablet(await signIn(server, 'tablet-b', 'enq.koro'));
  supervisor = resources.tablet(await signIn(server, 'sup-koro', 'sup.koro'));
});

/** Offline: opens a synced household as a new version, lets `edit` change it, finalises. */
async function editOffline(
  tablet: SignedInTablet,
  head: string,
  edit: (form: CiblageFormPage) => Promise<void>,
): Promise<void> {
  await tablet.context.setOffline(true);
  await tablet.shell.goHome();
  await new HomePage(tablet.page).open('Enquêtes ciblage');
  const list = new CiblageListPage(tablet.page);
  await list.waitUntilShown();
  await list.open(head);
  const form = new CiblageFormPage(tablet.page);
  await form.reopenForEdit();
  await edit(form);
  await form.section('Récapitulatif');
  await form.finalise();
  await list
    .item(/Sagara|Poudiougo/)
    .getByText('Finalisé')
    .waitFor();
}

/** Back online, syncs until nothing is left to send; returns to the list. */
async function syncOnline(tablet: SignedInTablet): Promise<CiblageListPage> {
  await tablet.context.setOffline(false);
  await tablet.shell.syncUntilClean();
  await tablet.shell.goHome();
  await new HomePage(tablet.page).open('Enquêtes ciblage');
  const list = new CiblageListPage(tablet.page);
  await list.waitUntilShown();
  return list;
}

describe('two tablets, one household', () => {
  it('conflicting head names go to the supervisor, who chooses; both tablets converge', async () => {
    await editOffline(tabletA, 'Ousmane Sagara', (form) => form.renameMember(1, 'Ousmane-Amadou'));
    await editOffline(tabletB, 'Ousmane Sagara', (form) => form.renameMember(1, 'Oumarou'));

    const listA = await syncOnline(tabletA);
    await tabletA.shell.receipt.getByText('1 envoyé, 1 accepté, 0 rejeté').waitFor();
    await listA.item('Ousmane-Amadou Sagara').getByText('Synchronisé').waitFor();
    const listB = await syncOnline(tabletB);
    // B's change waits for the supervisor (the list shows the server's current value meanwhile).
    await listB.item('Sagara').getByText('En attente d’arbitrage', { exact: true }).waitFor();
    // …and names the field waiting.
    expect((await listB.item('Sagara').getByTestId('conflict-fields').innerText()).trim()).toMatch(
      /^En attente d’arbitrage par le superviseur : .*Prénom$/,
    );
    await screenshot(tabletB.page, '10-tablet-awaiting-arbitration');

    // The supervisor sees both values side by side and chooses B's.
    const console = new SupervisorConsole(supervisor.page, server.url);
    await console.openFromHome('sup.koro');
    await console.go('Conflits');
    const conflicts = new ConflictQueuePage(supervisor.page);
    await conflicts.count.filter({ hasText: '1 conflit à arbitrer' }).waitFor();
    await conflicts.side('Prénom', 'A').getByText('Ousmane-Amadou').waitFor();
    await conflicts.side('Prénom', 'B').getByText('Oumarou').waitFor();
    await screenshot(supervisor.page, '11-supervisor-conflict');
    await conflicts.choose('Prénom', 'B');
    await conflicts.resolvedNotice.waitFor();
    await conflicts.empty.waitFor();

    // Both tablets converge on the chosen name at their next sync.
    for (const tablet of [tabletA, tabletB]) {
      await tablet.shell.sync();
      const list = new CiblageListPage(tablet.page);
      await list.item('Oumarou Sagara').getByText('Synchronisé').waitFor();
      expect(await list.item('Ousmane-Amadou Sagara').count()).toBe(0);
      expect(
        await list
          .item('Sagara')
          .getByText(/En attente d’arbitrage/)
          .count(),
      ).toBe(0);
    }
  });

  it('changes of different fields of the same household merge with no conflict', async () => {
    await editOffline(tabletA, 'Yacouba Poudiougo', async (form) => {
      await form.section('Identification');
      await form.fill('Téléphone du chef de ménage', '76 11 22 33');
    });
    await editOffline(tabletB, 'Yacouba Poudiougo', async (form) => {
      await form.section('Logement');
      await form.fill('Nombre de pièces', 5);
    });
    await syncOnline(tabletA);
    await tabletA.shell.receipt.getByText('1 envoyé, 1 accepté, 0 rejeté').waitFor();
    await syncOnline(tabletB);
    await tabletB.shell.receipt.getByText('1 envoyé, 1 accepté, 0 rejeté').waitFor();

    // No conflict for the supervisor.
    await new SupervisorConsole(supervisor.page, server.url).visit('/conflicts');
    await new ConflictQueuePage(supervisor.page).empty.waitFor();

    // After one more sync each tablet holds both changes.
    for (const tablet of [tabletA, tabletB]) {
      await tablet.shell.sync();
      const list = new CiblageListPage(tablet.page);
      await list.item('Yacouba Poudiougo').getByText('Synchronisé').waitFor();
      await list.open('Yacouba Poudiougo');
      const form = new CiblageFormPage(tablet.page);
      await form.reopenForEdit();
      await form.section('Identification');
      expect(await form.field('Téléphone du chef de ménage').inputValue()).toMatch(
        /76\s?11\s?22\s?33/,
      );
      await form.section('Logement');
      expect(await form.field('Nombre de pièces').inputValue()).toBe('5');
      await form.discardEdits();
      await list.waitUntilShown();
    }
  });
});
