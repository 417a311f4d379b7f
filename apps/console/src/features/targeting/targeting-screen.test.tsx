import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, type FakeApi } from '../../test-support/fake-api';
import { admin, renderScreen } from '../../test-support/render-console';
import { TargetingScreen } from './targeting-screen';

const V = 'village-koro-demo-1';
const ranking = {
  villageId: V,
  villageName: 'Dioungani (démo)',
  demo: true,
  quota: 1,
  formula: { version: 'demo-1', label: 'Formule démo — coefficients fictifs', demo: true },
  tieRule: 'Score le plus bas en premier.',
  ranked: [
    {
      recordId: 'r1',
      householdCode: 'KOR-1',
      headName: 'Awa Dolo',
      householdSize: 6,
      score: 10.25,
      rank: 1,
      selected: true,
      tiedAtCut: false,
    },
    {
      recordId: 'r2',
      householdCode: 'KOR-2',
      headName: 'Oumar Togo',
      householdSize: 3,
      score: 11.5,
      rank: 2,
      selected: false,
      tiedAtCut: false,
    },
  ],
  excluded: [
    {
      recordId: 'r3',
      householdCode: 'KOR-3',
      headName: 'Ali Guindo',
      reason: 'survey_returned',
      reasonLabel: 'Questionnaire renvoyé pour correction',
    },
  ],
};
const register = (households: object[], assemblies: object[] = []) => ({
  villageId: V,
  assemblies,
  assignees: [{ id: 'user-anim-koro', name: 'Animatrice Koro (démo)', role: 'facilitator' }],
  households,
});

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  api.on(`GET /api/targeting/villages/${V}/ranking`, { body: ranking });
  api.on(`GET /api/targeting/villages/${V}/register`, { body: register([]) });
});

describe('targeting in the console', () => {
  it('shows a village’s ranked list with its quota, the exclusions and publishes it for the assembly', async () => {
    const ui = userEvent.setup();
    renderScreen(<TargetingScreen />, { path: '/targeting' });
    await ui.selectOptions(screen.getByLabelText('Village'), 'Dioungani (démo)');
    const table = await screen.findByRole('table', { name: /Liste classée/ });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(
      rows.map((r) =>
        within(r)
          .getAllByRole('cell')
          .map((c) => c.textContent),
      ),
    ).toEqual([
      ['1', 'KOR-1', '6', '10,25', 'Dans le quota'],
      ['2', 'KOR-2', '3', '11,50', 'Liste d’attente'],
    ]);
    expect(
      screen.getByText(/Formule démo — coefficients fictifs \(version demo-1\) — démo/),
    ).toBeInTheDocument();
    expect(
      screen.getByText(/Ali Guindo \(KOR-3\) — Questionnaire renvoyé pour correction/),
    ).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Inscrire les ménages validés' })).toBeDisabled();

    api.on(`POST /api/targeting/villages/${V}/assembly`, {
      status: 201,
      body: { recordId: 'a1', households: 2, assigneeId: 'user-anim-koro' },
    });
    await ui.selectOptions(
      screen.getByLabelText('Confier l’assemblée à'),
      'Animatrice Koro (démo)',
    );
    await ui.click(screen.getByRole('button', { name: 'Publier la liste pour l’assemblée' }));
    expect(await screen.findByText(/Liste publiée \(2 ménages\)/)).toBeInTheDocument();
    expect(api.callsTo('POST', `/api/targeting/villages/${V}/assembly`)[0]?.body).toEqual({
      assigneeId: 'user-anim-koro',
    });
  });

  it('enrols from the approved assembly and lists the register', async () => {
    const ui = userEvent.setup();
    api.on(`GET /api/targeting/villages/${V}/register`, {
      body: register(
        [
          {
            id: 'r1',
            householdCode: 'KOR-1',
            headName: 'Awa Dolo',
            titulaire: { name: 'Awa Dolo' },
            state: 'enrolled',
            enrolledOn: '2026-03-15',
            plannedEnd: '2029-03-15',
          },
        ],
        [
          {
            recordId: 'a1',
            reviewStatus: 'approved',
            held: true,
            publishedAt: '2026-03-10T08:00:00.000Z',
          },
        ],
      ),
    });
    api.on(`POST /api/targeting/villages/${V}/enrolment`, {
      body: { assemblyRecordId: 'a1', enrolled: ['r1'], alreadyEnrolled: [], awaitingSurvey: [] },
    });
    renderScreen(<TargetingScreen />, { path: '/targeting' });
    await ui.selectOptions(screen.getByLabelText('Village'), 'Dioungani (démo)');
    const reg = await screen.findByRole('table', { name: '1 ménage au registre' });
    expect(
      within(reg)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    ).toEqual(['KOR-1', 'Awa Dolo', 'Inscrit', '15/03/2026', '15/03/2029']);
    await ui.click(screen.getByRole('button', { name: 'Inscrire les ménages validés' }));
    expect(
      await screen.findByText('1 ménage inscrit au registre (0 en attente d’enquête).'),
    ).toBeInTheDocument();
    expect(api.callsTo('POST', `/api/targeting/villages/${V}/enrolment`)[0]?.body).toEqual({
      assemblyRecordId: 'a1',
    });
  });

  it('lets an administrator upload a formula version and adopt it; a supervisor sees no formula panel', async () => {
    const ui = userEvent.setup();
    const summary = {
      version: 'demo-2',
      label: 'Formule démo 2',
      demo: true,
      uploadedBy: 'user-admin',
      uploadedAt: '2026-03-15T10:00:00.000Z',
      adoptedAt: null,
      inForce: false,
      indicatorCount: 11,
      zoneTypes: ['default'],
    };
    api.on('GET /api/targeting/formulas', { body: { formulas: [summary] } });
    api.on('POST /api/targeting/formulas', { status: 201, body: { summary, formula: {} } });
    api.on('POST /api/targeting/formulas/demo-2/adopt', {
      body: { formulaVersion: 'demo-2', villages: 5, computed: 4, scored: 4, unscored: 0 },
    });
    const view = renderScreen(<TargetingScreen />, { path: '/targeting', user: admin });
    expect(
      await screen.findByText(/Formule démo 2 \(version demo-2, 11 indicateurs\) — démo/),
    ).toBeInTheDocument();
    const file = new File(['{"version":"demo-2"}'], 'formule.json', { type: 'application/json' });
    await ui.upload(
      screen.getByLabelText('Téléverser une version de la formule (fichier JSON)'),
      file,
    );
    expect(await screen.findByText(/Version demo-2 téléversée/)).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/targeting/formulas')[0]?.body).toEqual({ version: 'demo-2' });
    await ui.click(screen.getByRole('button', { name: 'Adopter la version demo-2' }));
    expect(
      await screen.findByText('Version demo-2 en vigueur : 4 nouveaux scores calculés.'),
    ).toBeInTheDocument();
    view.unmount();
    renderScreen(<TargetingScreen />, { path: '/targeting' });
    expect(screen.queryByText('Formule PMT (administrateurs)')).not.toBeInTheDocument();
  });
});
