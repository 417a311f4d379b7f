// Issue 5, export when sync is impossible: a tablet with no network finalises a household and
// exports what it could not send; an admin imports the file in the console and the household is in
// review; a second import of the same file reports everything as already received and changes
// nothing. Back online, the tablet's own sync of the same batch is answered « lot déjà reçu ».
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CiblageListPage } from './pages/ciblage-list-page';
import { HomePage } from './pages/home-page';
import {
  BatchDetailPage,
  BatchListPage,
  ImportPage,
  RecordViewPage,
  SupervisorConsole,
} from './pages/supervisor-console';
import { SyncScreenPage } from './pages/sync-screen';
import { startAppServer, type AppServer } from './support/app-server';
import { screenshot } from './support/browser';
import { captureCiblage } from './support/capture';
import { signIn, type SignedInTablet } from './support/field-session';
import { twoMembers, villages } from './support/households';
import { Resources } from './support/resources';

let server: AppServer;
let enumerator: SignedInTablet;
let admin: SignedInTablet;
const downloads = mkdtempSync(join(tmpdir(), 'jigi-e2e-export-'));

const resources = new Resources();

beforeAll(async () => {
  server = resources.server(await startAppServer());
  enumerator = resources.tablet(await signIn(server, 'enq-koro', 'enq.koro'));
  admin = resources.tablet(await signIn(server, 'admin', 'admin'));
});

afterAll(() => {
  rmSync(downloads, { recursive: true, force: true });
});

describe('export file and admin import', () => {
  it('an offline household reaches review through an exported file; a second import changes nothing', async () => {
    // No network: the household is finalised and stays on the tablet.
    await enumerator.context.setOffline(true);
    await captureCiblage(enumerator, villages.dioungani, twoMembers('Coulibaly'));
    await enumerator.shell.unsyncedCount.getByText('1 fiche non synchronisée').waitFor();

    // The export: a .json.gz the browser downloads; the user may now hand the tablet over.
    const syncScreen = new SyncScreenPage(enumerator.page);
    await syncScreen.open();
    const download = await syncScreen.exportUnsent();
    expect(download.suggestedFilename()).toMatch(/^jigi-export-.+-\d{8}-\d{4}\.json\.gz$/);
    const file = join(downloads, download.suggestedFilename());
    await download.saveAs(file);
    await syncScreen.leaveAllowed.waitFor();
    await screenshot(enumerator.page, '30-export-done');

    // The admin imports it: one change applied, one review batch.
    const console = new SupervisorConsole(admin.page, server.url);
    // The tablet app sends an admin to the console, where the import is.
    await console.openFromHome('admin');
    await console.go('Import de tablette');
    const imports = new ImportPage(admin.page);
    await imports.importFile(file);
    await imports.outcome('applied').getByText('1 appliquée').waitFor();
    expect(await imports.batches.innerText()).toBe(
      'Lot créé : n° 1 (à relire dans « Lots reçus »).',
    );
    await screenshot(admin.page, '31-import-summary');

    // The household is in review, under the enumerator's name.
    await console.go('Lots reçus');
    const batches = new BatchListPage(admin.page);
    await batches.rowOf('Enquêteur Koro (démo)').waitFor();
    await batches.open(1);
    await new BatchDetailPage(admin.page).openRecord('— Oumar Coulibaly');
    await new RecordViewPage(admin.page).title(/— Oumar Coulibaly$/).waitFor();

    // The same file again: everything already received, no new batch, still one batch in review.
    await console.go('Import de tablette');
    await imports.importFile(file);
    await imports.alreadyImported.waitFor();
    expect(await imports.alreadyImported.innerText()).toContain('rien n’a changé');
    await imports.outcome('duplicate').getByText('1 déjà reçue').waitFor();
    expect(await imports.outcome('applied').count()).toBe(0);
    expect(await imports.batches.innerText()).toBe('Aucun nouveau lot.');
    await screenshot(admin.page, '32-import-again');
    await console.go('Lots reçus');
    await batches.total.getByText('1 lot').waitFor();
    expect(await batches.batchLinks().count()).toBe(1);

    // Back online, the tablet sends the exported batch by itself (the online event): the panel shows
    // the progress in records and bytes, and a receipt the server answered from what it already had.
    await enumerator.context.setOffline(false);
    await enumerator.shell.receipt
      .getByText('1 envoyé, 1 accepté, 0 rejeté — lot déjà reçu')
      .waitFor();
    await enumerator.shell.openDetails();
    await enumerator.shell.syncPanel.getByText('1 / 1 fiches envoyées').waitFor();
    expect(await enumerator.shell.syncPanel.getByRole('progressbar').getAttribute('value')).toBe(
      '1',
    );
    expect(await enumerator.shell.syncPanel.getByTestId('sync-bytes').innerText()).toMatch(
      /envoyés, .* reçus/,
    );
    await enumerator.shell.unsyncedCount.getByText('0 fiche non synchronisée').waitFor();
    await enumerator.shell.goHome();
    await new HomePage(enumerator.page).open('Enquêtes ciblage');
    await new CiblageListPage(enumerator.page)
      .item('Oumar Coulibaly')
      .getByText('Synchronisé')
      .waitFor();
    await screenshot(enumerator.page, '33-sync-after-import');
  });
});
