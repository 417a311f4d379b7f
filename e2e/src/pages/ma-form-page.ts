import type { Locator } from 'playwright-core';
import { FormControls } from './form-controls';

/** « Séance MA »: a session, its beneficiary households' attendance, the summary. */
export class MaFormPage extends FormControls {
  async waitUntilShown(): Promise<void> {
    await this.page.getByRole('heading', { name: 'Séance MA', level: 1 }).waitFor();
  }

  async session(input: { village: string; sessionNo: number; language: string }): Promise<void> {
    await this.section('Séance');
    await this.select('Village', input.village);
    await this.fill('Heure de début', '09:30');
    await this.fill('Durée (minutes)', 90);
    await this.fill('Numéro de séance dans le cycle', input.sessionNo);
    await this.page
      .getByRole('group', { name: 'Thèmes abordés' })
      .getByRole('checkbox')
      .first()
      .check();
    await this.select('Langue utilisée', input.language);
    await this.fill('Lieu', 'Sous le hangar du chef de village');
  }

  /** One radio group per beneficiary household (« Présence du ménage <code> »), pre-loaded. */
  get households(): Locator {
    return this.page.getByRole('group', { name: /^Présence du ménage / });
  }

  async householdCodes(): Promise<string[]> {
    const names = await this.households.evaluateAll((groups) =>
      groups.map((g) => g.querySelector('legend')?.textContent ?? ''),
    );
    return names.map((n) => n.replace('Présence du ménage ', ''));
  }

  /** « Présent » in one tap: the titulaire came (the default « qui est venu »). */
  async present(code: string): Promise<void> {
    await this.choose(`Présence du ménage ${code}`, 'Présent');
  }

  /** Present, and another member of the roster came (« qui est venu » changed from the titulaire). */
  async presentByMember(code: string, memberNo: number): Promise<void> {
    await this.present(code);
    await this.select(`Qui est venu ? (${code})`, `member:${String(memberNo)}`);
  }

  /** « Rechercher un ménage (nom ou code) ». */
  async search(text: string): Promise<void> {
    await this.field('Rechercher un ménage (nom ou code)').fill(text);
  }

  /** Present, through a substitute from outside the household's roster. */
  async presentBySubstitute(
    code: string,
    s: { name: string; relation: string; sex: 'F' | 'M'; age: number },
  ): Promise<void> {
    await this.present(code);
    await this.select(`Qui est venu ? (${code})`, 'substitute');
    await this.fill(`Nom du remplaçant (${code})`, s.name);
    await this.fill(`Lien du remplaçant avec le ménage (${code})`, s.relation);
    await this.choose(`Sexe du remplaçant (${code})`, s.sex === 'F' ? 'Féminin' : 'Masculin');
    await this.fill(`Âge du remplaçant (${code})`, s.age);
  }

  async absent(code: string, reason: string): Promise<void> {
    await this.choose(`Présence du ménage ${code}`, 'Absent');
    await this.fill(`Motif d’absence (${code})`, reason);
  }

  /** The live counts (« Présents : 9 », « Taux de présence : 90 % »). */
  get counts(): Locator {
    return this.page.getByRole('status', { name: 'Comptes de présence' });
  }
}
