// Issue 7, scenario 3: the MA facilitator holds a session offline with the beneficiary list the
// tablet pre-loaded, marks attendance (one household represented by a substitute), syncs; the
// supervisor's dashboard shows the session's attendance rate.
import { beforeAll, describe, expect, it } from 'vitest';
import { HomePage } from './pages/home-page';
import { MaFormPage } from './pages/ma-form-page';
import { DashboardPage, SupervisorConsole } from './pages/supervisor-console';
import { startAppServer, type AppServer } from './support/app-server';
import { screenshot } from './support/browser';
import { signIn, type SignedInTablet } from './support/field-session';
import { villages } from './support/households';
import { Resources } from './support/resources';

let server: AppServer;
let facilitator: SignedInTablet;
let supervisor: SignedInTablet;

const resources = new Resources();

beforeAll(async () => {
  server = resources.server(await startAppServer());
  facilitator = resources.tablet(await signIn(server, 'anim-koro', 'anim.koro'));
  supervisor = resources.tablet(await signIn(server, 'sup-koro', 'sup.koro'));
});

describe('MA session', () => {
  it('marks attendance offline with a substitute, syncs, and the dashboard shows the rate', async () => {
    const { page, shell } = facilitator;
    await facilitator.context.setOffline(true);
    await page.reload();
    await new HomePage(page).waitUntilShown('Animatrice Koro (démo)');
    await new HomePage(page).open('Nouvelle séance MA');
    const form = new MaFormPage(page);
    await form.waitUntilShown();
    await form.session({ village: villages.dioungani, sessionNo: 1, language: 'dogon' });

    // The village's ten beneficiary households are listed, pulled before going offline.
    await form.section('Présences');
    await form.households.nth(9).waitFor();
    const codes = await form.householdCodes();
    expect(codes).toHaveLength(10);
    const [substituted, absent, ...present] = codes as [string, string, ...string[]];
    await form.presentBySubstitute(substituted, {
      name: 'Hawa Guindo',
      relation: 'belle-sœur',
      sex: 'F',
      age: 32,
    });
    for (const code of present) await form.present(code);
    await form.absent(absent, 'Aux champs');
    await form.counts.getByText('Présents : 9').waitFor();
    await form.counts.getByText('Taux de présence : 90 %').waitFor();
    await screenshot(page, '12-ma-attendance');

    await form.section('Récapitulatif');
    await expect.poll(() => form.blockingErrors()).toEqual([]);
    await form.finalise();
    await page.getByRole('heading', { name: 'Séances MA', level: 1 }).waitFor();
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Séance n°1' })
      .getByText('Finalisé')
      .waitFor();
    await shell.unsyncedCount.getByText('1 fiche non synchronisée').waitFor();

    await facilitator.context.setOffline(false);
    await shell.syncUntilClean();
    await shell.receipt.getByText('1 envoyé, 1 accepté, 0 rejeté').waitFor();

    // The supervisor's dashboard: 9 present of 10 expected, 90 %.
    const console = new SupervisorConsole(supervisor.page, server.url);
    await console.openFromHome('sup.koro');
    await console.go('Tableau de bord');
    const dashboard = new DashboardPage(supervisor.page);
    const row = dashboard.maSessions.getByRole('row').filter({ hasText: 'n° 1' });
    await row.waitFor();
    expect(await row.getByRole('cell').allInnerTexts()).toEqual([
      expect.stringMatching(/^Dioungani \(démo\) n° 1 \(\d\d\/\d\d\/\d{4}\)$/),
      '9',
      '10',
      '90 %',
    ]);
    await screenshot(supervisor.page, '13-supervisor-dashboard');
  });
});
