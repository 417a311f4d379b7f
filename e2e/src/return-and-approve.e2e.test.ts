// Issue 7, scenario 2: the supervisor, in another browser, sees the enumerator's batch and returns
// the survey with a comment; the enumerator finds it under « À corriger », fixes it and syncs; the
// supervisor approves the new version.
import { beforeAll, describe, expect, it } from 'vitest';
import { CiblageFormPage } from './pages/ciblage-form-page';
import { CiblageListPage } from './pages/ciblage-list-page';
import { CorrectionsPage } from './pages/corrections-page';
import { HomePage } from './pages/home-page';
import {
  BatchDetailPage,
  BatchListPage,
  RecordViewPage,
  SupervisorConsole,
} from './pages/supervisor-console';
import { startAppServer, type AppServer } from './support/app-server';
import { screenshot } from './support/browser';
import { captureCiblage } from './support/capture';
import { signIn, type SignedInTablet } from './support/field-session';
import { twoMembers, villages } from './support/households';
import { Resources } from './support/resources';

const COMMENT = 'Le téléphone du chef de ménage manque : ajoutez-le.';
let server: AppServer;
let enumerator: SignedInTablet;
let supervisor: SignedInTablet;

const resources = new Resources();

beforeAll(async () => {
  server = resources.server(await startAppServer());
  enumerator = resources.tablet(await signIn(server, 'enq-koro', 'enq.koro'));
  supervisor = resources.tablet(await signIn(server, 'sup-koro', 'sup.koro'));
});

describe('supervisor review loop', () => {
  it('returns a survey with a comment, the enumerator corrects it, the supervisor approves it', async () => {
    await captureCiblage(enumerator, villages.madougou, twoMembers('Kassogué'));
    await enumerator.shell.syncUntilClean();
    await enumerator.shell.receipt.getByText('1 envoyé, 1 accepté, 0 rejeté').waitFor();

    // The supervisor sees the batch and opens the survey.
    const console = new SupervisorConsole(supervisor.page, server.url);
    await console.openFromHome('sup.koro');
    const batches = new BatchListPage(supervisor.page);
    await batches.rowOf('Enquêteur Koro (démo)').waitFor();
    await screenshot(supervisor.page, '07-supervisor-batches');
    await batches.open(1);
    await new BatchDetailPage(supervisor.page).openRecord('— Oumar Kassogué');
    const record = new RecordViewPage(supervisor.page);
    await record.title(/— Oumar Kassogué$/).waitFor();
    await record.status('À examiner').waitFor();
    await screenshot(supervisor.page, '08-supervisor-record');
    await record.returnForCorrection(COMMENT);
    await record.status('Renvoyé pour correction').waitFor();

    // The enumerator syncs and finds it under « À corriger », with the comment.
    await enumerator.shell.sync();
    await enumerator.shell.goHome();
    await new HomePage(enumerator.page).open('À corriger');
    const corrections = new CorrectionsPage(enumerator.page);
    await corrections.waitUntilShown();
    const item = corrections.item(`Commentaire du superviseur : ${COMMENT}`);
    await item.getByText('Enquête ménage').waitFor();
    await screenshot(enumerator.page, '09-corrections');
    await corrections.correct(`Commentaire du superviseur : ${COMMENT}`);

    // The fix: the head's phone, then « Finaliser » and sync.
    const form = new CiblageFormPage(enumerator.page);
    await form.waitUntilShown();
    await enumerator.page.getByText(COMMENT).first().waitFor();
    await form.section('Identification');
    await form.fill('Téléphone du chef de ménage', '76 12 34 56');
    await form.section('Récapitulatif');
    await form.finalise();
    await new CiblageListPage(enumerator.page).waitUntilShown();
    await enumerator.shell.syncUntilClean();
    await enumerator.shell.receipt.getByText('1 envoyé, 1 accepté, 0 rejeté').waitFor();
    await enumerator.shell.goHome();
    await new HomePage(enumerator.page).open('À corriger');
    await new CorrectionsPage(enumerator.page).empty.waitFor();

    // The supervisor sees the corrected version and approves it.
    await supervisor.page.reload();
    await record.title(/— Oumar Kassogué$/).waitFor();
    await record.status('À examiner').waitFor();
    expect(await record.versions.getByRole('row').count()).toBe(3); // header + create + the correction
    await record.approve();
    await record.status('Approuvé').waitFor();

    // The enumerator's list shows it synced, nothing left to correct.
    await enumerator.shell.sync();
    await enumerator.shell.goHome();
    await new HomePage(enumerator.page).open('Enquêtes ciblage');
    await new CiblageListPage(enumerator.page)
      .item('Oumar Kassogué')
      .getByText('Synchronisé')
      .waitFor();
  });
});
