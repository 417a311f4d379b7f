import type { Page } from 'playwright-core';

/** « Bonjour … »: the role's tiles. */
export class HomePage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(name: string): Promise<void> {
    await this.page.getByRole('heading', { name: `Bonjour ${name}` }).waitFor();
  }

  /** Opens a tile by its title (« Nouvelle enquête ménage », « À corriger », …). */
  async open(tile: string): Promise<void> {
    await this.page
      .getByRole('link', { name: new RegExp(`^${escapeRegExp(tile)}`) })
      .first()
      .click();
  }
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
