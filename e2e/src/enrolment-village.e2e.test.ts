// Issue 19: a village from candidate list to enrolment. The enumerator interviews three households
// on a tablet; the supervisor approves them; the PMT formula (the demo one) is adopted and scores
// them on the server; the ranked list is cut at a quota of 2 and published for the assembly; the
// facilitator, offline, records an assembly that removes one household and adds the waiting one;
// the supervisor approves it and enrols the validated households; the facilitator's tablet then
// lists them for MA sessions. Supervisor steps go through the API (their console screens are not
// built yet); every field step goes through the tablet's screens.
import { beforeAll, describe, expect, it } from 'vitest';
import { AssemblyFormPage } from './pages/assembly-form-page';
import { HomePage } from './pages/home-page';
import { MaFormPage } from './pages/ma-form-page';
import { startAppServer, type AppServer } from './support/app-server';
import { screenshot } from './support/browser';
import { captureCiblage } from './support/capture';
import { signIn, type SignedInTablet } from './support/field-session';
import { twoMembers, villages } from './support/households';
import { Resources } from './support/resources';

/** A small formula marked « démo » (the e2e package does not load the domain's demo formula). */
const formula = {
  version: 'e2e-1',
  label: 'Formule démo e2e — coefficients fictifs',
  demo: true,
  indicators: [
    {
      id: 'log_taille',
      label: 'Taille (log)',
      source: { kind: 'householdSize' },
      transform: 'log',
    },
    {
      id: 'toit_dur',
      label: 'Toit en tôle ou béton',
      source: { kind: 'answerIn', path: 'dwelling.roof', in: ['tole', 'beton'] },
    },
  ],
  models: [
    { zoneType: 'default', constant: 12, coefficients: { log_taille: -0.4, toit_dur: 0.2 } },
  ],
};

let server: AppServer;
let enumerator: SignedInTablet;
const resources = new Resources();

type Ranked = { recordId: string; headName: string; householdCode: string; selected: boolean };

async function session(login: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password: 'demo1234' }),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function api<T>(cookie: string, method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${url}`, {
    method,
    headers: { cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${url}: ${String(res.status)} ${text}`);
  return JSON.parse(text) as T;
}

function todayFr(): string {
  const [y, m, d] = new Date().toISOString().slice(0, 10).split('-');
  return `${d ?? ''}/${m ?? ''}/${y ?? ''}`;
}

beforeAll(async () => {
  server = resources.server(await startAppServer());
  enumerator = resources.tablet(await signIn(server, 'enq-koro', 'enq.koro'));
});

describe('from ciblage to enrolment', () => {
  it('interviews, scores, ranks, validates offline in assembly, enrols, and lists the new households for MA', async () => {
    for (const name of ['Guindo', 'Dolo', 'Togo'])
      await captureCiblage(enumerator, villages.dioungani, twoMembers(name));
    // Online, each survey leaves as it is finalised; nothing is left to send.
    await enumerator.shell.syncUntilClean();

    const sup = await session('sup.koro');
    const admin = await session('admin');
    const village = villages.dioungani;
    await api(admin, 'PUT', `/api/admin/villages/${village}`, {
      id: village,
      name: 'Dioungani (démo)',
      communeCode: 'mopti.koro.dioungani',
      demo: true,
      pnp: true,
      quota: 2,
    });
    await api(admin, 'POST', '/api/targeting/formulas', formula);
    await api(admin, 'POST', `/api/targeting/formulas/${formula.version}/adopt`);
    // Not approved yet: listed as excluded, with the reason; the supervisor approves them.
    const before = await api<{ excluded: { recordId: string; reason: string }[] }>(
      sup,
      'GET',
      `/api/targeting/villages/${village}/ranking`,
    );
    expect(before.excluded.map((e) => e.reason)).toEqual(Array(3).fill('survey_not_reviewed'));
    for (const e of before.excluded)
      await api(sup, 'POST', `/api/review/records/${e.recordId}/decision`, { decision: 'approve' });
    await api(sup, 'POST', '/api/targeting/scores/compute', { villageId: village });
    const ranking = await api<{ ranked: Ranked[] }>(
      sup,
      'GET',
      `/api/targeting/villages/${village}/ranking`,
    );
    expect(ranking.ranked.map((r) => r.selected)).toEqual([true, true, false]);
    const [kept, removed, waiting] = ranking.ranked as [Ranked, Ranked, Ranked];
    const { recordId } = await api<{ recordId: string }>(
      sup,
      'POST',
      `/api/targeting/villages/${village}/assembly`,
      { assigneeId: 'user-anim-koro' },
    );

    // The facilitator receives the list and holds the assembly offline.
    const facilitator = resources.tablet(await signIn(server, 'anim-koro', 'anim.koro'));
    const { page, shell } = facilitator;
    await facilitator.context.setOffline(true);
    await new HomePage(page).open('Assemblées villageoises');
    await page
      .getByRole('listitem')
      .filter({ hasText: 'Assemblée à tenir' })
      .getByRole('link', { name: 'Ouvrir' })
      .click();
    const form = new AssemblyFormPage(page);
    await form.waitUntilShown();
    for (const r of ranking.ranked) await form.line(r.headName).waitFor();
    expect(await page.locator('body').innerText()).not.toMatch(/score/i);
    await form.decide(kept.headName, 'Retenu');
    await form.decide(removed.headName, 'Retiré');
    await form.reason(removed.headName, 'Ménage jugé non pauvre');
    await form.decide(waiting.headName, 'Ajouté');
    await form.replaces(waiting.headName, removed.headName);
    await form.counts.getByText('Validés : 2').waitFor();
    await screenshot(page, '30-assembly-list');
    await form.meeting({
      date: todayFr(),
      men: 31,
      women: 44,
      decision: 'Liste validée avec modifications',
    });
    await form.section('Récapitulatif');
    await expect.poll(() => form.blockingErrors()).toEqual([]);
    await form.finalise();
    await page.getByRole('heading', { name: 'Assemblées villageoises', level: 1 }).waitFor();
    await facilitator.context.setOffline(false);
    await shell.syncUntilClean();
    await shell.receipt.getByText('1 envoyé, 1 accepté, 0 rejeté').waitFor();

    // The supervisor approves the assembly and enrols who it validated.
    await api(sup, 'POST', `/api/review/records/${recordId}/decision`, { decision: 'approve' });
    const enrolled = await api<{ enrolled: string[] }>(
      sup,
      'POST',
      `/api/targeting/villages/${village}/enrolment`,
      { assemblyRecordId: recordId },
    );
    expect(enrolled.enrolled).toEqual([kept.recordId, waiting.recordId]);

    // The facilitator's next MA session lists the enrolled households, not the removed one.
    await shell.sync();
    await shell.waitForIdle();
    await shell.goHome();
    await new HomePage(page).open('Nouvelle séance MA');
    const ma = new MaFormPage(page);
    await ma.waitUntilShown();
    await ma.session({ village, sessionNo: 1, language: 'dogon' });
    await ma.section('Présences');
    await ma.households.first().waitFor();
    await expect
      .poll(() => ma.householdCodes())
      .toEqual(expect.arrayContaining([kept.householdCode, waiting.householdCode]));
    expect(await ma.householdCodes()).not.toContain(removed.householdCode);
    await screenshot(page, '31-ma-list-from-register');
  });
});
