import type { Page } from 'playwright-core';

export const DEMO_PASSWORD = 'demo1234';
export const DEMO_PIN = '2468';

/** « Connexion »: the online first login that registers the tablet. */
export class LoginPage {
  constructor(private readonly page: Page) {}

  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Connexion' }).waitFor();
  }

  async logIn(login: string, password = DEMO_PASSWORD): Promise<void> {
    await this.waitUntilShown();
    await this.page.getByLabel('Identifiant').fill(login);
    await this.page.getByLabel('Mot de passe').fill(password);
    await this.page.getByRole('button', { name: 'Se connecter' }).click();
  }
}

/** « Choisissez votre code PIN »: shown once after the first login, then the recovery code to note. */
export class PinSetupPage {
  constructor(private readonly page: Page) {}

  /** Chooses the PIN and notes the recovery code shown next (docs/tablet-security.md); returns it. */
  async choose(pin = DEMO_PIN): Promise<string> {
    await this.page.getByRole('heading', { name: 'Choisissez votre code PIN' }).waitFor();
    await this.page.getByLabel('Code PIN', { exact: true }).fill(pin);
    await this.page.getByLabel('Confirmez le code PIN').fill(pin);
    await this.page.getByRole('button', { name: 'Enregistrer le code PIN' }).click();
    return new RecoveryCodePage(this.page).note();
  }
}

/** « Notez votre code de secours »: the one-time code, shown before the app opens. */
export class RecoveryCodePage {
  constructor(private readonly page: Page) {}

  async note(): Promise<string> {
    await this.page.getByRole('heading', { name: 'Notez votre code de secours' }).waitFor();
    const code = (await this.page.getByTestId('recovery-code').textContent()) ?? '';
    await this.page.getByRole('button', { name: 'J’ai noté le code' }).click();
    return code.trim();
  }
}

/** « Déverrouiller »: the offline unlock with the PIN (after the tab was closed). */
export class UnlockPage {
  constructor(private readonly page: Page) {}

  async unlock(pin = DEMO_PIN): Promise<void> {
    await this.page.getByRole('heading', { name: 'Déverrouiller' }).waitFor();
    await this.page.getByLabel('Code PIN').fill(pin);
    await this.page.getByRole('button', { name: 'Déverrouiller' }).click();
  }

  /** Chooses who unlocks, on a tablet with several users (by login). */
  async chooseUser(login: string): Promise<void> {
    await this.page.getByRole('heading', { name: 'Déverrouiller' }).waitFor();
    const select = this.page.getByLabel('Utilisateur');
    const option = select.locator('option', { hasText: `(${login})` });
    await select.selectOption((await option.getAttribute('value')) ?? '');
  }

  /** The login of the user the screen offers (the select's choice). */
  async chosenLogin(): Promise<string> {
    await this.page.getByRole('heading', { name: 'Déverrouiller' }).waitFor();
    const text = await this.page
      .getByLabel('Utilisateur')
      .evaluate((el) => (el as HTMLSelectElement).selectedOptions[0]?.textContent ?? '');
    return /\(([^)]+)\)$/.exec(text)?.[1] ?? '';
  }
}
