import type { Locator } from 'playwright-core';
import { FormControls } from './form-controls';

/** « Assemblée villageoise »: the published list (names only), the meeting and its minutes. */
export class AssemblyFormPage extends FormControls {
  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Assemblée villageoise', level: 1 }).waitFor();
  }

  /** The card of one household of the list, by its head's name. */
  line(headName: string): Locator {
    return this.page.getByTestId(/^assembly-line-/).filter({ hasText: headName });
  }

  async decide(headName: string, decision: 'Retenu' | 'Retiré' | 'Ajouté'): Promise<void> {
    await this.choose(`Décision pour ${headName}`, decision);
  }

  async reason(headName: string, reason: string): Promise<void> {
    await this.select(`Motif (${headName})`, { label: reason });
  }

  async replaces(headName: string, removedHeadName: string): Promise<void> {
    await this.select(`Remplace (${headName})`, { label: removedHeadName });
  }

  async meeting(input: { date: string; men: number; women: number; decision: string }) {
    await this.section('Assemblée et PV');
    await this.yesNo('L’assemblée a-t-elle eu lieu ?', true);
    await this.fill('Date de l’assemblée', input.date);
    await this.fill('Lieu', 'Place du village');
    await this.fill('Présidée par', 'Hamidou Guindo');
    await this.fill('Hommes présents', input.men);
    await this.fill('Femmes présentes', input.women);
    await this.select('Décision du PV', { label: input.decision });
  }

  get counts(): Locator {
    return this.page.getByRole('status', { name: 'Comptes de la liste' }).first();
  }
}
