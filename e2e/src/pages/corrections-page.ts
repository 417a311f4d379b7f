import type { Locator, Page } from 'playwright-core';

/** « À corriger »: records returned by the supervisor (with the comment) or rejected by the server. */
export class CorrectionsPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('heading', { name: 'À corriger', level: 1 }).waitFor();
  }

  get empty(): Locator {
    return this.page.getByText('Rien à corriger.');
  }

  item(text: string): Locator {
    return this.page.getByRole('listitem').filter({ hasText: text });
  }

  async correct(text: string): Promise<void> {
    await this.item(text).getByRole('link', { name: 'Corriger' }).click();
  }
}
