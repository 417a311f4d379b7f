// Issue 7, scenario 8: the Gao supervisor sees none of Koro's batches — not in the console's lists,
// not by typing a Koro batch's (or record's) URL by hand.
import { beforeAll, describe, expect, it } from 'vitest';
import { CiblageListPage } from './pages/ciblage-list-page';
import { BatchListPage, SupervisorConsole } from './pages/supervisor-console';
import { startAppServer, type AppServer } from './support/app-server';
import { screenshot } from './support/browser';
import { captureCiblage } from './support/capture';
import { signIn, type SignedInTablet } from './support/field-session';
import { twoMembers, villages } from './support/households';
import { Resources } from './support/resources';

const NOT_FOUND = 'Introuvable (ou hors de vos zones).';
let server: AppServer;
let enumerator: SignedInTablet;
let koro: SignedInTablet;
let gao: SignedInTablet;

const resources = new Resources();

beforeAll(async () => {
  server = resources.server(await startAppServer());
  enumerator = resources.tablet(await signIn(server, 'enq-koro', 'enq.koro'));
  koro = resources.tablet(await signIn(server, 'sup-koro', 'sup.koro'));
  gao = resources.tablet(await signIn(server, 'sup-gao', 'sup.gao'));
});

describe('zones', () => {
  it('the Gao supervisor sees none of Koro’s batches, in the lists or by URL', async () => {
    await captureCiblage(enumerator, villages.dioungani, twoMembers('Dara'));
    await enumerator.shell.syncUntilClean();
    await enumerator.shell.receipt.getByText('1 envoyé, 1 accepté, 0 rejeté').waitFor();
    const href = await new CiblageListPage(enumerator.page)
      .item('Oumar Dara')
      .getByRole('link', { name: 'Ouvrir' })
      .getAttribute('href');
    const recordId = href?.split('/').pop() ?? '';
    expect(recordId).toMatch(/^[0-9a-f-]{36}$/);

    // Koro's supervisor sees the batch (the control: there is something to hide).
    const koroConsole = new SupervisorConsole(koro.page, server.url);
    await koroConsole.openFromHome('sup.koro');
    const koroBatches = new BatchListPage(koro.page);
    await koroBatches.rowOf('Enquêteur Koro (démo)').waitFor();
    expect(await koroBatches.batchLinks().allInnerTexts()).toEqual(['Lot n° 1']);

    // Gao's supervisor: an empty list…
    const gaoConsole = new SupervisorConsole(gao.page, server.url);
    await gaoConsole.openFromHome('sup.gao');
    const gaoBatches = new BatchListPage(gao.page);
    await gaoBatches.empty.waitFor();
    expect(await gaoBatches.batchLinks().count()).toBe(0);
    expect(await gao.page.getByText('Enquêteur Koro (démo)').count()).toBe(0);
    await screenshot(gao.page, '15-supervisor-gao-batches');

    // …and Koro's batch and record typed by hand are « Introuvable ».
    await gaoConsole.visit('/batches/1');
    await gao.page.getByText(NOT_FOUND).waitFor();
    expect(await gao.page.getByText('Oumar Dara').count()).toBe(0);
    await gaoConsole.visit(`/records/${recordId}`);
    await gao.page.getByText(NOT_FOUND).waitFor();
    expect(await gao.page.getByText('Oumar Dara').count()).toBe(0);

    // Nor do the conflicts or the dashboard mention Koro.
    await gaoConsole.go('Conflits');
    await gao.page.getByText('Aucun conflit à arbitrer.').waitFor();
    await gaoConsole.go('Tableau de bord');
    await gao.page.getByRole('heading', { name: 'Ciblage : ménages enquêtés et quota' }).waitFor();
    expect(await gao.page.getByText(/Dioungani|Madougou/).count()).toBe(0);
  });
});
