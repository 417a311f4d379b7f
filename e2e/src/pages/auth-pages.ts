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

/** « Choisissez votre code PIN »: shown once after the first login. */
export class PinSetupPage {
  constructor(private readonly page: Page) {}

  async choose(pin = DEMO_PIN): Promise<void> {
    await this.page.getByRole('heading', { name: 'Choisissez votre code PIN' }).waitFor();
    await this.page.getByLabel('Code PIN', { exact: true }).fill(pin);
    await this.page.getByLabel('Confirmez le code PIN').fill(pin);
    await this.page.getByRole('button', { name: 'Enregistrer le code PIN' }).click();
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
}
