import type { Locator, Page } from 'playwright-core';
import { DEMO_PASSWORD } from './auth-pages';

export type ConsoleSection =
  'Lots reçus' | 'Conflits' | 'Doublons' | 'Tableau de bord' | 'Exports' | 'Import de tablette';

/**
 * The console (apps/console) at `/console/`: signed in with the password, its menu and its URLs.
 * Supervisors and admins reach it from the tablet app's home (« Ouvrir la console ») or directly.
 */
export class SupervisorConsole {
  constructor(
    readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /**
   * From the tablet app's home, which sends supervisors and admins to the console: « Ouvrir la
   * console », then the console's own password login.
   */
  async openFromHome(login: string, password = DEMO_PASSWORD): Promise<void> {
    await this.page.getByRole('link', { name: 'Ouvrir la console' }).click();
    await this.signIn(login, password);
  }

  /** The console's login (no PIN): identifier and password. */
  async signIn(login: string, password = DEMO_PASSWORD): Promise<void> {
    await this.page.getByRole('heading', { name: 'Connexion à la console' }).waitFor();
    await this.page.getByLabel('Identifiant').fill(login);
    await this.page.getByLabel('Mot de passe').fill(password);
    await this.page.getByRole('button', { name: 'Se connecter' }).click();
    await this.nav.waitFor();
  }

  get nav(): Locator {
    return this.page.getByRole('navigation', { name: 'Menu de la console' });
  }

  async go(section: ConsoleSection): Promise<void> {
    await this.nav.getByRole('link', { name: section }).click();
    await this.page.getByRole('heading', { name: section, level: 1 }).waitFor();
  }

  /** Types a console address by hand (as a curious supervisor would), e.g. `/batches/1`. */
  async visit(path: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/console${path}`);
  }
}

/** « Lots reçus »: the synced batches of the supervisor's zones. */
export class BatchListPage {
  constructor(private readonly page: Page) {}

  get total(): Locator {
    return this.page.getByText(/^\d+ lots?$/);
  }

  get empty(): Locator {
    return this.page.getByText('Aucun lot ne correspond à ces filtres.');
  }

  batchLinks(): Locator {
    return this.page.getByRole('link', { name: /^Lot n° \d+$/ });
  }

  /** The table row of a batch, by the agent who sent it. */
  rowOf(agentName: string): Locator {
    return this.page.getByRole('row').filter({ hasText: agentName });
  }

  async open(number: number): Promise<void> {
    await this.page.getByRole('link', { name: `Lot n° ${number}`, exact: true }).click();
    await this.page.getByRole('heading', { name: `Lot n° ${number}`, level: 1 }).waitFor();
  }
}

/** « Lot n° N »: who sent it, its records, decisions. */
export class BatchDetailPage {
  constructor(private readonly page: Page) {}

  /** « Voir la fiche » of the batch's record titled from its content (« Ménage KOR-… — Oumar Kassogué »). */
  async openRecord(titleContains: string): Promise<void> {
    const escaped = titleContains.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    await this.page
      .getByRole('link', { name: new RegExp(`^Voir la fiche : .*${escaped}`) })
      .click();
    await this.page.getByRole('heading', { name: 'Fiche', level: 1 }).waitFor();
  }
}

/** « Fiche »: one record as the form lays it out, its decision panel, versions and decisions. */
export class RecordViewPage {
  constructor(private readonly page: Page) {}

  title(text: string | RegExp): Locator {
    return this.page.getByRole('heading', { name: text, level: 2 });
  }

  get decisionPanel(): Locator {
    return this.page.getByRole('region', { name: 'Décision' });
  }

  /** The review status badge next to the title (« À examiner », « Approuvé », « Renvoyé pour correction »). */
  status(label: string): Locator {
    return this.page.getByText(label, { exact: true }).first();
  }

  async returnForCorrection(comment: string): Promise<void> {
    await this.decisionPanel.getByRole('button', { name: 'Renvoyer pour correction' }).click();
    await this.page.getByLabel('Commentaire pour l’agent (ce qu’il faut corriger)').fill(comment);
    await this.decisionPanel.getByRole('button', { name: 'Confirmer' }).click();
    await this.page.getByText('1 fiche renvoyée pour correction.').waitFor();
  }

  async approve(): Promise<void> {
    await this.decisionPanel.getByRole('button', { name: 'Approuver' }).click();
    await this.decisionPanel.getByRole('button', { name: 'Confirmer' }).click();
    await this.page.getByText('1 fiche approuvée.').waitFor();
  }

  /** The « Historique des versions » table. */
  get versions(): Locator {
    return this.page.getByRole('table', { name: 'Versions de la fiche' });
  }
}

/** « Conflits »: critical fields changed by two tablets, side by side. */
export class ConflictQueuePage {
  constructor(private readonly page: Page) {}

  get count(): Locator {
    return this.page.getByText(/^\d+ conflits? à arbitrer$/);
  }

  get empty(): Locator {
    return this.page.getByText('Aucun conflit à arbitrer.');
  }

  card(field: string): Locator {
    return this.page
      .getByRole('article')
      .filter({ has: this.page.getByRole('heading', { name: `Conflit sur « ${field} »` }) });
  }

  /** The value shown on one side (« Valeur A (déjà sur le serveur) » / « Valeur B (reçue ensuite) »). */
  side(field: string, side: 'A' | 'B'): Locator {
    const name = side === 'A' ? 'Valeur A (déjà sur le serveur)' : 'Valeur B (reçue ensuite)';
    return this.card(field).getByRole('region', { name });
  }

  async choose(field: string, side: 'A' | 'B'): Promise<void> {
    await this.card(field)
      .getByRole('button', { name: `Choisir la valeur ${side}` })
      .click();
    await this.card(field).getByRole('button', { name: 'Confirmer' }).click();
  }

  get resolvedNotice(): Locator {
    return this.page.getByText(/conflits? arbitrés? : /);
  }
}

/** « Tableau de bord »: one panel per programme component, each with its numbers as a table. */
export class DashboardPage {
  constructor(private readonly page: Page) {}

  table(caption: string): Locator {
    return this.page.getByRole('table', { name: caption });
  }

  /** The MA attendance table, one row per session. */
  get maSessions(): Locator {
    return this.table('Présence par séance');
  }
}

/** « Import de tablette » (admins): a tablet's export file sent to the server, and its summary. */
export class ImportPage {
  constructor(private readonly page: Page) {}

  async importFile(path: string): Promise<void> {
    await this.page
      .getByLabel('Choisir le fichier d’export de la tablette (.json.gz)')
      .setInputFiles(path);
    await this.page.getByRole('button', { name: 'Importer le fichier' }).click();
  }

  get summary(): Locator {
    return this.page.getByTestId('import-summary');
  }

  /** One outcome line (`applied`, `duplicate`, `conflict_queued`, …). */
  outcome(kind: string): Locator {
    return this.page.getByTestId(`import-outcome-${kind}`);
  }

  get alreadyImported(): Locator {
    return this.page.getByTestId('import-already');
  }

  get batches(): Locator {
    return this.page.getByTestId('import-batches');
  }
}
