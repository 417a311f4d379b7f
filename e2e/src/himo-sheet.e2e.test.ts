// Issue 7, scenario 5: HIMO — a daily attendance sheet for ten workers, one of them on a half day;
// the amount due is days × the microproject's daily wage.
import { beforeAll, describe, expect, it } from 'vitest';
import { HimoProjectPage, HimoSheetFormPage, HimoWorkerFormPage } from './pages/himo-pages';
import { HomePage } from './pages/home-page';
import { startAppServer, type AppServer } from './support/app-server';
import { screenshot } from './support/browser';
import { signIn, type SignedInTablet } from './support/field-session';
import { Resources } from './support/resources';

const PROJECT = 'Cordons pierreux de Ségué (démo)';
const WAGE = 2000; // the seeded microproject's daily wage (FCFA)
const SHEET_TITLE = 'Feuille de pointage';
let server: AppServer;
let agent: SignedInTablet;

const resources = new Resources();

beforeAll(async () => {
  server = resources.server(await startAppServer());
  agent = resources.tablet(await signIn(server, 'agent-bankass', 'agent.bankass'));
});

/** `19 000 FCFA` whatever space the French number format puts between thousands. */
function fcfa(amount: number): RegExp {
  const digits = String(amount).replace(/\B(?=(\d{3})+(?!\d))/g, '\\s');
  return new RegExp(`^${digits}\\sFCFA$`);
}

describe('HIMO attendance sheet', () => {
  it('ten workers, one half day: days × wage', async () => {
    const { page, shell } = agent;
    await new HomePage(page).open('HIMO');
    const project = new HimoProjectPage(page);
    await project.openProject(PROJECT);

    // The roll: ten workers from ten beneficiary households.
    const names: string[] = [];
    for (let i = 0; i < 10; i++) {
      await project.addWorker();
      const worker = new HimoWorkerFormPage(page);
      names.push(await worker.fromHousehold(i));
      await worker.finalise();
      await page.getByRole('heading', { name: PROJECT, level: 1 }).waitFor();
    }
    await project.activeWorkers.getByText('10 travailleurs actifs').waitFor();

    // Today's sheet: everyone present, the last worker on a half day.
    await project.newSheet();
    const sheet = new HimoSheetFormPage(page);
    await sheet.lines.nth(9).waitFor();
    expect(await sheet.lines.count()).toBe(10);
    await sheet.allPresent();
    const half = names[9] ?? '';
    await sheet.mark(half, 'Demi-journée');
    await sheet.total.getByText(/^Journées : 9,5 · Montant du jour : 19\s000\sFCFA$/).waitFor();
    await screenshot(page, '18-himo-sheet');
    await sheet.finalise();
    await page.getByRole('heading', { name: PROJECT, level: 1 }).waitFor();

    // Days and amounts: 1 day × 2 000 for nine workers, 0,5 × 2 000 for the tenth; total 9,5 days.
    for (const name of names.slice(0, 9)) {
      const cells = await project.payRow(name).getByRole('cell').allInnerTexts();
      expect(cells.slice(2)).toEqual(['1', expect.stringMatching(fcfa(WAGE))]);
    }
    expect((await project.payRow(half).getByRole('cell').allInnerTexts()).slice(2)).toEqual([
      '0,5',
      expect.stringMatching(fcfa(WAGE / 2)),
    ]);
    const total = await project.payTotal.getByRole('columnheader').allInnerTexts();
    expect(total.slice(1)).toEqual(['9,5', expect.stringMatching(fcfa(9.5 * WAGE))]);

    // One sheet per project and day: today's is opened again, not a second one made.
    expect(await page.getByRole('link', { name: '+ Nouvelle feuille de pointage' }).count()).toBe(
      0,
    );
    await page.getByRole('link', { name: 'Ouvrir la feuille du jour' }).click();
    await page.waitForURL(/#\/himo\/sheet\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: SHEET_TITLE, level: 1 }).waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: PROJECT, level: 1 }).waitFor();

    await shell.syncUntilClean();
    await shell.receipt.getByText(/^\d+ envoyés?, \d+ acceptés?, 0 rejeté/).waitFor();
    await shell.unsyncedCount.getByText('0 fiche non synchronisée').waitFor();
  });
});
