import type { Locator } from 'playwright-core';
import { FormControls } from './form-controls';

/** « Inscription PNP »: household, children (MUAC, referral), women, summary. */
export class PnpFormPage extends FormControls {
  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Inscription PNP', level: 1 }).waitFor();
  }

  async household(input: { village: string; caregiver: string }): Promise<void> {
    await this.section('Ménage');
    await this.select('Village', input.village);
    await this.fill('Nom de la personne en charge', input.caregiver);
    await this.choose('Sexe de la personne en charge', 'Féminin');
    await this.fill('Lien avec l’enfant', 'mère');
  }

  /** « + Ajouter un enfant », then name, sex and date of birth (jj/mm/aaaa, from the health card). */
  async addChild(input: { name: string; sex: 'F' | 'M'; dob: string }): Promise<void> {
    await this.page.getByRole('button', { name: '+ Ajouter un enfant' }).click();
    await this.fill('Nom de l’enfant', input.name);
    await this.choose('Sexe de l’enfant', input.sex === 'F' ? 'Féminin' : 'Masculin');
    await this.fill('Date de naissance', input.dob);
    await this.select('Précision de la date de naissance', 'exacte');
    await this.select('Source de la date de naissance', 'carnet');
    // Both start unanswered: the agent must say « Non » as much as « Oui ».
    await this.yesNo('Œdèmes bilatéraux', false);
    await this.yesNo('Carnet de vaccination', true);
  }

  /** « Âge : 30 mois », computed from the date of birth. */
  get age(): Locator {
    return this.page.getByTestId('age-months');
  }

  /** « Couleur du PB : Rouge », shown as soon as the MUAC is typed. */
  get muacColour(): Locator {
    return this.page.getByTestId('muac-colour');
  }

  get referralNotice(): Locator {
    return this.page.getByText(
      'Enfant à référer (PB rouge ou œdèmes) : indiquez où il est référé.',
    );
  }

  async doneWithChild(): Promise<void> {
    await this.page.getByRole('button', { name: 'Terminer cet enfant' }).click();
  }

  async removeChild(name: string): Promise<void> {
    await this.page.getByRole('button', { name: `Retirer ${name}` }).click();
  }
}
