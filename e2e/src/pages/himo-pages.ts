import type { Locator, Page } from 'playwright-core';
import { waitForValue } from '../support/wait';
import { FormControls } from './form-controls';

/** « HIMO — microprojets » and one microproject: its roll, its attendance sheets, days and amounts. */
export class HimoProjectPage {
  constructor(private readonly page: Page) {}

  /** From the list of microprojects, opens one by name. */
  async openProject(name: string): Promise<void> {
    await this.page.getByRole('heading', { name: 'HIMO — microprojets', level: 1 }).waitFor();
    await this.page
      .getByRole('listitem')
      .filter({ hasText: name })
      .getByRole('link', { name: 'Ouvrir' })
      .click();
    await this.page.getByRole('heading', { name, level: 1 }).waitFor();
  }

  get activeWorkers(): Locator {
    return this.page.getByText(/^\d+ travailleurs? actifs?$/);
  }

  async addWorker(): Promise<void> {
    await this.page.getByRole('link', { name: '+ Ajouter un travailleur' }).click();
    await this.page.getByRole('heading', { name: 'Travailleur HIMO', level: 1 }).waitFor();
  }

  async newSheet(): Promise<void> {
    await this.page.getByRole('link', { name: '+ Nouvelle feuille de pointage' }).click();
    await this.page.getByRole('heading', { name: 'Feuille de pointage', level: 1 }).waitFor();
  }

  /** « Jours et montants »: one row per worker, then the total. */
  get payTable(): Locator {
    return this.page.getByRole('table', { name: 'Jours et montants' });
  }

  payRow(workerName: string): Locator {
    return this.payTable.getByRole('row').filter({ hasText: workerName });
  }

  get payTotal(): Locator {
    return this.payTable.getByRole('row').filter({ hasText: 'Total' });
  }
}

/** « Travailleur HIMO »: a worker of the roll, chosen from a beneficiary household. */
export class HimoWorkerFormPage extends FormControls {
  /** The n-th beneficiary household of the project's villages, its member n°1 as the worker. */
  async fromHousehold(index: number): Promise<string> {
    await this.field('Ménage bénéficiaire').selectOption({ index: index + 1 });
    const member = this.field('Membre du ménage');
    await member.selectOption({ index: 1 });
    await waitForValue(this.field('Nom du travailleur'));
    await this.yesNo('Ce travailleur remplace un autre travailleur du même ménage', false);
    await this.yesNo('Actif sur la liste', true);
    return this.field('Nom du travailleur').inputValue();
  }
}

/** « Feuille de pointage »: one day's attendance of the project's active workers. */
export class HimoSheetFormPage extends FormControls {
  get lines(): Locator {
    return this.page.getByRole('group', { name: /^Pointage de / });
  }

  async allPresent(): Promise<void> {
    await this.page.getByRole('button', { name: 'Tous présents' }).click();
  }

  async mark(workerName: string, status: 'Présent' | 'Absent' | 'Demi-journée'): Promise<void> {
    await this.choose(`Pointage de ${workerName}`, status);
  }

  /** « Journées : 9,5 · Montant du jour : 19 000 FCFA ». */
  get total(): Locator {
    return this.page.getByTestId('sheet-total');
  }
}
