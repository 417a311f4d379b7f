import { cpSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locator, Page } from 'playwright-core';
import type { AppServer } from './support/app-server';
import { openTablet, type Tablet } from './support/browser';

// The back office in Chromium: the console at /console/ on the scenario's server, signed in with a
// password, and the admin screens as a person uses them (labels, buttons, confirmations).

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const consoleDist = join(repoRoot, 'apps/console/dist');

/**
 * The built console at /console/ of this server (rebuilt when its sources changed). A server that
 * does not serve it yet gets the build copied under its static folder (same origin, so the session
 * cookie and the API are the real ones).
 */
export async function ensureConsole(server: AppServer): Promise<void> {
  const served = await fetch(`${server.url}/console/`).then((r) => r.text());
  if (served.includes('/console/assets/')) return;
  const built = join(consoleDist, 'index.html');
  const stale =
    !existsSync(built) ||
    execFileSync(
      'find',
      ['apps/console/src', 'packages/contract/src', '-newer', built, '-print', '-quit'],
      {
        cwd: repoRoot,
        encoding: 'utf8',
      },
    ).trim() !== '';
  if (stale)
    execFileSync(
      'pnpm',
      ['--filter', '@jigi/console', 'exec', 'vite', 'build', '--logLevel', 'warn'],
      {
        cwd: repoRoot,
        stdio: 'pipe',
      },
    );
  cpSync(consoleDist, join(server.staticDir, 'console'), { recursive: true });
}

export type ConsoleBrowser = Tablet & { console: AdminConsole };

/** A fresh browser profile signed in to the console. */
export async function openConsole(
  server: AppServer,
  name: string,
  login: string,
  password = 'demo1234',
): Promise<ConsoleBrowser> {
  const browser = await openTablet(name);
  await browser.page.goto(`${server.url}/console/`);
  await browser.page.getByRole('heading', { name: 'Connexion à la console' }).waitFor();
  await browser.page.getByLabel('Identifiant').fill(login);
  await browser.page.getByLabel('Mot de passe').fill(password);
  await browser.page.getByRole('button', { name: 'Se connecter' }).click();
  await browser.page.getByRole('navigation').first().waitFor();
  return { ...browser, console: new AdminConsole(browser.page) };
}

export class AdminConsole {
  constructor(readonly page: Page) {}

  get nav(): Locator {
    return this.page.getByRole('navigation').first();
  }

  /** « Administration », then one of its screens by its title. */
  async open(screen: string): Promise<void> {
    await this.nav.getByRole('link', { name: 'Administration' }).click();
    await this.page.getByRole('link', { name: screen, exact: true }).click();
    await this.page.getByRole('heading', { name: screen, level: 1 }).waitFor();
  }

  row(text: string): Locator {
    return this.page.getByRole('row').filter({ hasText: text });
  }

  /** A new account with its zone picked by name. */
  async createAccount(a: {
    name: string;
    login: string;
    password: string;
    role: string;
    zone: { region: string; cercle?: string; commune?: string };
  }): Promise<void> {
    await this.open('Comptes');
    await this.page.getByRole('button', { name: 'Nouveau compte' }).click();
    const form = this.page.getByRole('form', { name: 'Nouveau compte' });
    await form.getByLabel('Nom complet').fill(a.name);
    await form.getByLabel('Login').fill(a.login);
    await form.getByLabel('Mot de passe').fill(a.password);
    await form.getByLabel('Rôle').selectOption({ label: a.role });
    await form.getByLabel('Région').selectOption({ label: a.zone.region });
    if (a.zone.cercle !== undefined)
      await form.getByLabel('Cercle').selectOption({ label: a.zone.cercle });
    if (a.zone.commune !== undefined)
      await form.getByLabel('Commune').selectOption({ label: a.zone.commune });
    await form.getByRole('button', { name: /^Ajouter : / }).click();
    await form.getByRole('button', { name: 'Créer le compte' }).click();
    await this.page.getByText(`Compte de ${a.name} créé (login ${a.login}).`).waitFor();
  }

  async revokeTablet(name: string): Promise<void> {
    await this.open('Tablettes');
    await this.page.getByRole('button', { name: `Révoquer la ${name}` }).click();
    await this.page.getByRole('alertdialog').getByRole('button', { name: 'Confirmer' }).click();
    await this.page.getByText(`${name} révoquée.`).waitFor();
  }

  /** Picks a village or household file in the import panel; the preview follows. */
  async previewImport(file: string): Promise<void> {
    await this.page.getByLabel('Choisir le fichier (.csv ou .xlsx)').setInputFiles(file);
    await this.page.getByTestId('import-preview').waitFor();
  }
}
