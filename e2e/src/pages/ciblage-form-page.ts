import type { Locator } from 'playwright-core';
import { waitForValue } from '../support/wait';
import { FormControls } from './form-controls';

export interface MemberInput {
  firstName: string;
  lastName: string;
  sex: 'M' | 'F';
  relation: string;
  age: number;
}

/** « Enquête ménage »: the ciblage household survey, section by section. */
export class CiblageFormPage extends FormControls {
  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Enquête ménage', level: 1 }).waitFor();
  }

  async identification(input: { village: string; householdCode?: string }): Promise<void> {
    await this.section('Identification');
    await this.select('Village', input.village);
    // The app proposes a household code once the village is chosen.
    await waitForValue(this.field('Code ménage'));
    if (input.householdCode !== undefined) await this.fill('Code ménage', input.householdCode);
    await this.select('Type de pièce du chef de ménage', 'aucune');
    await this.select('Statut de résidence', 'resident');
  }

  /** « Visite »: the household is interviewed and consents. */
  async consent(): Promise<void> {
    await this.section('Visite');
    await this.yesNo('Le ménage accepte-t-il de répondre ?', true);
  }

  /** « Visite »: the visit failed (« Ménage absent », « Refus »…): no consent, no other section. */
  async failedVisit(outcome: string): Promise<void> {
    await this.section('Visite');
    await this.choose('Résultat de la visite', outcome);
  }

  get memberCount(): Locator {
    return this.page.getByText(/^\d+ membres?$/);
  }

  /** Adds one member through its full-screen editor and comes back to the roster. */
  async addMember(m: MemberInput): Promise<void> {
    await this.page.getByRole('button', { name: '+ Ajouter un membre' }).click();
    await this.fillMember(m);
    await this.page.getByRole('button', { name: 'Terminer ce membre' }).click();
    await this.page.getByRole('button', { name: '+ Ajouter un membre' }).waitFor();
  }

  /** Fills the member editor that is open (« Membre n°… »). */
  async fillMember(m: MemberInput): Promise<void> {
    await this.fill('Prénom', m.firstName);
    await this.fill('Nom', m.lastName);
    await this.choose('Sexe', m.sex === 'M' ? 'Masculin' : 'Féminin');
    await this.select('Lien avec le chef de ménage', m.relation);
    await this.fill('Âge (années révolues)', m.age);
  }

  async editMember(no: number): Promise<void> {
    await this.page.getByRole('button', { name: `Modifier le membre n°${no}` }).click();
    await this.page.getByRole('heading', { name: `Membre n°${no}` }).waitFor();
  }

  async respondent(memberLabel: string): Promise<void> {
    await this.select('Répondant (membre qui répond)', { label: memberLabel });
  }

  async dwelling(): Promise<void> {
    await this.section('Logement');
    await this.select('Statut d’occupation', 'proprietaire');
    await this.fill('Nombre de pièces', 3);
    await this.select('Murs', 'banco');
    await this.select('Toit', 'terre');
    await this.select('Sol', 'terre');
    await this.select('Eau de boisson', 'forage');
    await this.fill('Temps pour aller chercher l’eau (aller-retour, minutes)', 30);
    await this.select('Toilettes', 'latrine_sans_dalle');
    await this.select('Éclairage', 'torche');
    await this.select('Combustible de cuisine', 'bois_ramasse');
  }

  async assets(): Promise<void> {
    await this.section('Biens');
    await this.fill('Radio', 1);
    await this.page.getByRole('button', { name: 'Mettre 0 aux cases vides' }).click();
  }

  async livestock(): Promise<void> {
    await this.section('Cheptel');
    await this.fill('Caprins (chèvres)', 5);
    await this.page.getByRole('button', { name: 'Mettre 0 aux cases vides' }).click();
  }

  async land(): Promise<void> {
    await this.section('Terres');
    await this.yesNo('Le ménage cultive-t-il des terres ?', false);
  }

  async food(): Promise<void> {
    await this.section('Sécurité alimentaire');
    await this.fill('Repas par jour (adultes)', 2);
    await this.fill('Repas par jour (enfants)', 3);
    await this.fill('Mois de soudure (12 derniers mois)', 3);
  }

  async gpsUnavailable(): Promise<void> {
    await this.section('GPS');
    await this.select('Raison de l’absence de point GPS', 'pas_de_signal');
  }

  /** Every section after the roster, with plausible answers, so the survey can be finalised. */
  async fillAfterRoster(respondent: string): Promise<void> {
    await this.section('Membres');
    await this.respondent(respondent);
    await this.dwelling();
    await this.assets();
    await this.livestock();
    await this.land();
    await this.food();
    await this.gpsUnavailable();
  }

  /** A whole valid survey of the given members (the first is the head), left on « Récapitulatif ». */
  async fillComplete(village: string, members: readonly MemberInput[]): Promise<void> {
    await this.identification({ village });
    await this.consent();
    await this.section('Membres');
    for (const m of members) await this.addMember(m);
    const head = members[0];
    if (head) await this.fillAfterRoster(`n°1 ${head.firstName} ${head.lastName}`);
    await this.section('Récapitulatif');
  }

  /** On a synced survey (read-only): « Modifier cette fiche (nouvelle version) ». */
  async reopenForEdit(): Promise<void> {
    await this.page
      .getByRole('button', { name: 'Modifier cette fiche (nouvelle version)' })
      .click();
    await this.page.getByRole('navigation', { name: 'Sections' }).waitFor();
  }

  /** Abandons the changes of a new version (« Annuler mes modifications », then confirm). */
  async discardEdits(): Promise<void> {
    await this.section('Récapitulatif');
    await this.page.getByRole('button', { name: 'Annuler mes modifications' }).click();
    await this.page.getByRole('button', { name: 'Confirmer : annuler les modifications' }).click();
  }

  /** Changes one roster member's first name (a critical field). */
  async renameMember(no: number, firstName: string): Promise<void> {
    await this.section('Membres');
    await this.editMember(no);
    await this.fill('Prénom', firstName);
    await this.page.getByRole('button', { name: 'Terminer ce membre' }).click();
  }
}
