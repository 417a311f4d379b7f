import type { Locator, Page } from 'playwright-core';
import { until } from '../support/wait';

/** The phases of a running sync, as the panel names them. */
const RUNNING = /En attente…|Envoi des fiches…|Réception des mises à jour…/;

/**
 * What every screen of the field app shares: the header's one line (name, sync line, counters,
 * « Synchroniser ») and the details it opens (sync panel, storage, history, lock, user switch).
 */
export class AppShell {
  constructor(readonly page: Page) {}

  get syncButton(): Locator {
    return this.page.getByRole('button', { name: 'Synchroniser' });
  }

  /** The sync panel in the header's details (`openDetails` first): progress, bytes, last receipt. */
  get syncPanel(): Locator {
    return this.page.getByRole('region', { name: 'Synchroniser' });
  }

  /** « 1 envoyé, 1 accepté, 0 rejeté — lot n° 3 » on the header's line once a sync sent something. */
  get receipt(): Locator {
    return this.syncPhase.getByTestId('sync-receipt');
  }

  /** The header's line, a button that opens and closes the details. */
  get detailsToggle(): Locator {
    return this.statusBar.getByRole('button');
  }

  /** Opens the details under the header (no-op when open). */
  async openDetails(): Promise<void> {
    if ((await this.detailsToggle.getAttribute('aria-expanded')) !== 'true')
      await this.detailsToggle.click();
    await this.page.getByRole('region', { name: 'Détails de la tablette' }).waitFor();
  }

  /** The header's sync line: what the sync is doing or how it ended (« Envoi des fiches… », « Tout est à jour. », a receipt). */
  get syncPhase(): Locator {
    return this.page.getByTestId('sync-phase');
  }

  get unsyncedCount(): Locator {
    return this.page.getByTestId('unsynced-count');
  }

  /** The header's line: sync line, unsynced and draft counters, network. */
  get statusBar(): Locator {
    return this.page.getByRole('group', { name: 'État de la tablette' });
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
    await until(
      'the end of the sync',
      async () =>
        (await this.syncButton.isEnabled()) &&
        !RUNNING.test((await this.syncPhase.textContent()) ?? ''),
      60_000,
    );
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
    await this.openDetails();
    await this.page.getByRole('button', { name: 'Verrouiller' }).click();
  }
}
