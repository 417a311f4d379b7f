import type { Locator, Page } from 'playwright-core';

/** The field app's form controls, found as a user finds them: by their French label. */
export class FormControls {
  constructor(protected readonly page: Page) {}

  field(label: string): Locator {
    return this.page.getByLabel(label, { exact: true });
  }

  async fill(label: string, value: string | number): Promise<void> {
    await this.field(label).fill(String(value));
  }

  /** A native select, by option value (the domain's code) or visible label. */
  async select(label: string, option: string | { label: string }): Promise<void> {
    await this.field(label).selectOption(option);
  }

  /** A radio group (fieldset with a legend): ticks the option with that label. */
  async choose(group: string, option: string): Promise<void> {
    await this.page
      .getByRole('group', { name: group, exact: true })
      .getByLabel(option, { exact: true })
      .check();
  }

  async yesNo(group: string, yes: boolean): Promise<void> {
    await this.choose(group, yes ? 'Oui' : 'Non');
  }

  async section(title: string): Promise<void> {
    await this.page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('button', { name: title, exact: true })
      .click();
    await this.page.getByRole('heading', { name: title, exact: true, level: 2 }).waitFor();
  }

  /** « Enregistré automatiquement » once the last change is in IndexedDB. */
  async waitForAutosave(): Promise<void> {
    await this.page.getByTestId('save-state').getByText('Enregistré automatiquement').waitFor();
  }

  /** Taps « Finaliser »: accepted, the form goes back to its list; refused, the errors are listed. */
  async finalise(): Promise<void> {
    await this.page.getByRole('button', { name: 'Finaliser' }).click();
  }

  /** The errors listed under « Corrigez les erreurs avant de finaliser : ». */
  async blockingErrors(): Promise<string[]> {
    const list = this.page
      .getByText('Corrigez les erreurs avant de finaliser :')
      .locator('xpath=..')
      .getByRole('listitem');
    return list.allInnerTexts();
  }
}
