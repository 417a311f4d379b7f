import type { Locator, Page } from 'playwright-core';

/** « Nouvelle version disponible »: the prompt of a waiting service worker. */
export class UpdateBanner {
  constructor(private readonly page: Page) {}

  get banner(): Locator {
    return this.page.getByRole('status').filter({ hasText: 'Nouvelle version disponible' });
  }

  get applyButton(): Locator {
    return this.banner.getByRole('button', { name: 'Mettre à jour' });
  }

  get waitForFormNotice(): Locator {
    return this.banner.getByText(
      'Terminez ou quittez la fiche ouverte pour mettre à jour (le brouillon est conservé).',
    );
  }

  /** Taps « Mettre à jour »: the waiting worker takes over and the page reloads once. */
  async apply(): Promise<void> {
    await Promise.all([this.page.waitForEvent('load'), this.applyButton.click()]);
  }
}
