import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, type FakeApi } from '../../test-support/fake-api';
import { admin, renderScreen } from '../../test-support/render-console';
import { HouseholdsScreen } from './households-screen';
import { MicroprojectsScreen } from './microprojects-screen';
import { VillagesScreen } from './villages-screen';

const kani = {
  id: 'mopti.koro.bamba.kani',
  name: 'Kani',
  communeCode: 'mopti.koro.bamba',
  demo: false,
  pnp: true,
  quota: 25,
  version: 1,
  communeName: 'Bamba, Koro, Mopti',
  households: 12,
};
const household = {
  id: '00000000-0000-4000-8eee-000000000001',
  villageId: kani.id,
  householdCode: 'KOR-BAM-001',
  headName: 'Sɛku Dolo',
  titulaireName: 'Ɲɛlɛ Togo',
  version: 1,
  villageName: 'Kani',
};

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  api.on('GET /api/admin/villages', { body: { rows: [kani], total: 120 } });
});

describe('villages screen', () => {
  it('pages through villages, filters by cercle, and edits a quota', async () => {
    api.on('PUT /api/admin/villages/:id', (req) => ({ body: req.body }));
    renderScreen(<VillagesScreen />, { path: '/admin/villages', user: admin });
    const row = (await screen.findByText('Kani')).closest('tr');
    if (row === null) throw new Error('no row');
    expect(row).toHaveTextContent('Bamba, Koro, Mopti');
    expect(within(row).getByRole('link', { name: '12 ménages' })).toHaveAttribute(
      'href',
      '/console/admin/households?villageId=mopti.koro.bamba.kani',
    );
    expect(screen.getByText('1–50 sur 120')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Suivants →' }));
    expect(api.callsTo('GET', '/api/admin/villages').at(-1)?.query.get('offset')).toBe('50');
    await userEvent.selectOptions(screen.getByLabelText('Région ou cercle'), 'mopti.koro');
    const filtered = api.callsTo('GET', '/api/admin/villages').at(-1);
    expect(filtered?.query.get('zone')).toBe('mopti.koro');
    expect(filtered?.query.get('offset')).toBe('0'); // a new filter starts at the first page
    await userEvent.click(screen.getByRole('button', { name: 'Modifier le village Kani' }));
    const quota = screen.getByLabelText('Quota de ménages');
    await userEvent.clear(quota);
    await userEvent.type(quota, '30');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Village Kani enregistré.')).toBeInTheDocument();
    expect(api.callsTo('PUT', `/api/admin/villages/${kani.id}`)[0]?.body).toEqual({
      id: kani.id,
      name: 'Kani',
      communeCode: 'mopti.koro.bamba',
      demo: false,
      pnp: true,
      quota: 30,
    });
  });
});

describe('households screen', () => {
  it('lists a village’s households and corrects a head’s name', async () => {
    api.on('GET /api/admin/households', { body: { rows: [household], total: 1 } });
    api.on('PUT /api/admin/households/:id', (req) => ({ body: req.body }));
    renderScreen(<HouseholdsScreen />, {
      path: `/admin/households?villageId=${kani.id}`,
      user: admin,
    });
    expect(await screen.findByText('Sɛku Dolo')).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/admin/households')[0]?.query.get('villageId')).toBe(kani.id);
    await userEvent.click(screen.getByRole('button', { name: 'Modifier le ménage KOR-BAM-001' }));
    const head = screen.getByLabelText('Chef de ménage');
    await userEvent.clear(head);
    await userEvent.type(head, 'Seydou Dolo');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText('Ménage KOR-BAM-001 enregistré.')).toBeInTheDocument();
    expect(api.callsTo('PUT', `/api/admin/households/${household.id}`)[0]?.body).toEqual({
      id: household.id,
      villageId: kani.id,
      householdCode: 'KOR-BAM-001',
      headName: 'Seydou Dolo',
      titulaireName: 'Ɲɛlɛ Togo',
    });
  });
});

describe('microprojects screen', () => {
  it('creates a microproject on villages chosen by name', async () => {
    api.on('GET /api/admin/microprojects', { body: { microprojects: [] } });
    api.on('PUT /api/admin/microprojects/:id', (req) => ({ body: req.body }));
    renderScreen(<MicroprojectsScreen />, { path: '/admin/microprojects', user: admin });
    await userEvent.click(await screen.findByRole('button', { name: 'Nouveau microprojet' }));
    await userEvent.type(screen.getByLabelText('Nom'), 'Cordons pierreux de Kani');
    await userEvent.selectOptions(screen.getByLabelText('Type de travaux'), 'cordons_pierreux');
    await userEvent.click(screen.getByLabelText('Kani (Bamba, Koro, Mopti)'));
    await userEvent.type(screen.getByLabelText('Début'), '2026-04-01');
    await userEvent.type(screen.getByLabelText('Fin'), '2026-05-15');
    await userEvent.type(screen.getByLabelText('Jours prévus'), '30');
    await userEvent.type(screen.getByLabelText('Travailleurs prévus'), '40');
    await userEvent.type(screen.getByLabelText('Salaire journalier (FCFA)'), '2000');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(
      await screen.findByText('Microprojet Cordons pierreux de Kani enregistré.'),
    ).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/admin/microprojects').length).toBeGreaterThan(1);
    // A new microproject gets its id in the console: the address and the body carry the same one.
    const sent = api.calls.find((c) => c.method === 'PUT');
    const { projectId } = sent?.body as { projectId: string };
    expect(sent?.path).toBe(`/api/admin/microprojects/${projectId}`);
    expect(sent?.body).toMatchObject({
      name: 'Cordons pierreux de Kani',
      type: 'cordons_pierreux',
      communeCode: 'mopti.koro.bamba',
      villageIds: [kani.id],
      startDate: '2026-04-01',
      endDate: '2026-05-15',
      plannedDays: 30,
      plannedWorkers: 40,
      dailyWageFcfa: 2000,
    });
  });
});
