import type { Download, Locator, Page } from 'playwright-core';
import { AppShell } from './app-shell';

/** « Historique de synchronisation » (« Historique » in the header's details): what waits, the export, the receipts. */
export class SyncScreenPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await new AppShell(this.page).openDetails();
    await this.page.getByRole('link', { name: 'Historique', exact: true }).click();
    await this.page
      .getByRole('heading', { name: 'Historique de synchronisation', level: 1 })
      .waitFor();
  }

  /** « Exporter les fiches non envoyées », and the file the browser downloads. */
  async exportUnsent(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: 'Exporter les fiches non envoyées' }).click();
    return download;
  }

  /** « Tout est synchronisé ou exporté : vous pouvez changer d’utilisateur. » */
  get leaveAllowed(): Locator {
    return this.page.getByTestId('leave-allowed');
  }
}
