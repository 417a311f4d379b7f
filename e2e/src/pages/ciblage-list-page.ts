import type { Locator, Page } from 'playwright-core';

/** « Enquêtes ciblage »: the enumerator's drafts and records, with their status. */
export class CiblageListPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Enquêtes ciblage', level: 1 }).waitFor();
  }

  /** The list line of a household, by its head's name. */
  item(title: string | RegExp): Locator {
    return this.page.getByRole('listitem').filter({ hasText: title });
  }

  async open(title: string): Promise<void> {
    await this.item(title).getByRole('link', { name: 'Ouvrir' }).click();
  }
}
