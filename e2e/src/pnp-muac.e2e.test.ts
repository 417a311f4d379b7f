// Issue 7, scenario 4: PNP enrolment — a child of 30 months with a MUAC of 112 mm shows red and asks
// for a referral; a child of 60 months is refused with a French message naming the rule.
import { beforeAll, describe, expect, it } from 'vitest';
import { HomePage } from './pages/home-page';
import { PnpFormPage } from './pages/pnp-form-page';
import { startAppServer, type AppServer } from './support/app-server';
import { screenshot } from './support/browser';
import { monthsAgoFr } from './support/dates';
import { signIn, type SignedInTablet } from './support/field-session';
import { villages } from './support/households';
import { Resources } from './support/resources';

const AGE_RULE =
  /Date de naissance \(enfant Ali Ongoïba\) : 60 mois à la visite ; le PNP inscrit les enfants de 0 à 59 mois\./;
let server: AppServer;
let agent: SignedInTablet;

const resources = new Resources();

beforeAll(async () => {
  server = resources.server(await startAppServer());
  agent = resources.tablet(await signIn(server, 'agent-bankass', 'agent.bankass'));
});

describe('PNP enrolment', () => {
  it('30 months and 112 mm is red with a referral; 60 months is refused by its rule', async () => {
    const { page, shell } = agent;
    await new HomePage(page).open('Nouvelle inscription PNP');
    const form = new PnpFormPage(page);
    await form.waitUntilShown();
    await form.household({ village: villages.segue, caregiver: 'Kadidia Ongoïba' });

    // 30 months, MUAC 112 mm: red at once, referral asked.
    await form.section('Enfants');
    await form.addChild({ name: 'Awa Ongoïba', sex: 'F', dob: monthsAgoFr(30) });
    await form.age.getByText('Âge : 30 mois').waitFor();
    await form.fill('PB — périmètre brachial (mm)', 112);
    await form.muacColour.getByText('Couleur du PB : Rouge').waitFor();
    await form.referralNotice.waitFor();
    await form.select('Référé vers', 'urenas');
    await screenshot(page, '14-pnp-muac-red');
    await form.doneWithChild();

    // 60 months: refused under the date of birth, and again when finalising.
    await form.addChild({ name: 'Ali Ongoïba', sex: 'M', dob: monthsAgoFr(60) });
    await form.age.getByText('Âge : 60 mois').waitFor();
    await page.getByText(AGE_RULE).waitFor();
    expect(await form.field('Date de naissance').getAttribute('aria-invalid')).toBe('true');
    await form.doneWithChild();
    await form.section('Récapitulatif');
    await form.finalise();
    await page.getByText('Fiche non finalisée : corrigez les erreurs listées.').waitFor();
    await expect.poll(() => form.blockingErrors()).toContainEqual(expect.stringMatching(AGE_RULE));
    await shell.unsyncedCount.getByText('0 fiche non synchronisée').waitFor();

    // Without the 60-month child the enrolment goes through and syncs.
    await form.section('Enfants');
    await form.removeChild('Ali Ongoïba');
    await form.section('Récapitulatif');
    await expect.poll(() => form.blockingErrors()).toEqual([]);
    await form.finalise();
    await page.getByRole('heading', { name: 'Inscriptions PNP', level: 1 }).waitFor();
    await shell.syncUntilClean();
    await shell.receipt.getByText('1 envoyé, 1 accepté, 0 rejeté').waitFor();
  });
});
