import type { Locator, Page } from 'playwright-core';
import { until } from '../support/wait';

/** What every screen of the field app shares: the header (sync, lock), the status bar, the sync message. */
export class AppShell {
  constructor(readonly page: Page) {}

  get syncButton(): Locator {
    return this.page.getByRole('button', { name: 'Synchroniser' });
  }

  /** « 1 envoyées, 1 acceptées, 0 rejetées » — the last receipt, kept visible after the sync. */
  get receipt(): Locator {
    return this.page.getByTestId('sync-receipt');
  }

  /** The whole sync notice (receipt, batch number, time), or the running / failure message. */
  get syncNotice(): Locator {
    return this.page.getByText(/envoyées, \d+ acceptées|Synchronisation…|Pas de réseau|La synchronisation a échoué|Tout est à jour/).first();
  }

  get unsyncedCount(): Locator {
    return this.page.getByTestId('unsynced-count');
  }

  get statusBar(): Locator {
    return this.page.getByLabel('État de la tablette');
  }

  /** Waits for the shell of an unlocked user. */
  async waitUntilOpen(): Promise<void> {
    await this.syncButton.waitFor();
  }

  /** Taps « Synchroniser » and waits until the sync is over (the button is enabled again). */
  async sync(): Promise<void> {
    await this.waitForIdle();
    await this.syncButton.click();
    await this.waitForIdle();
  }

  /** Waits until no sync runs (an automatic one may run after login, a finalise or going online). */
  async waitForIdle(): Promise<void> {
    await until('the end of the sync', async () => (await this.syncButton.isEnabled()) && (await this.page.getByText('Synchronisation…').count()) === 0, 60_000);
  }

  /** Syncs until nothing is left to send (the unsynced counter shows 0). */
  async syncUntilClean(): Promise<void> {
    for (let i = 0; i < 3; i++) {
      await this.sync();
      if ((await this.unsyncedCount.textContent())?.startsWith('0 ')) return;
    }
  }

  async goHome(): Promise<void> {
    await this.page.getByRole('link', { name: 'Jigi Collect' }).click();
  }

  async lock(): Promise<void> {
    await this.page.getByRole('button', { name: 'Verrouiller' }).click();
  }
}
