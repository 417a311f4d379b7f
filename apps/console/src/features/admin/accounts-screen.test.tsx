import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, type FakeApi } from '../../test-support/fake-api';
import { admin, renderScreen } from '../../test-support/render-console';
import { AccountsScreen } from './accounts-screen';

const awa = {
  id: 'u-1',
  login: 'awa.traore',
  name: 'Awa Traoré',
  role: 'enumerator',
  zones: [{ code: 'mopti.koro.dioungani', label: 'Commune de Dioungani (Koro, Mopti)' }],
  active: true,
  createdAt: '2026-03-01T08:00:00.000Z',
};
const village = {
  id: 'village-koro-demo-1',
  name: 'Dioungani (démo)',
  communeCode: 'mopti.koro.dioungani',
  demo: true,
  pnp: true,
  version: 1,
  communeName: 'Dioungani, Koro, Mopti',
  households: 4,
};

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  api.on('GET /api/admin/users', { body: { rows: [awa], total: 1 } });
  api.on('GET /api/admin/villages', { body: { rows: [village], total: 1 } });
});

describe('accounts screen', () => {
  it('lists accounts with their zones by name and filters through the address', async () => {
    renderScreen(<AccountsScreen />, { path: '/admin/accounts', user: admin });
    const row = (await screen.findByText('Awa Traoré')).closest('tr');
    if (row === null) throw new Error('no row');
    expect(within(row).getByText('Enquêteur')).toBeInTheDocument();
    expect(within(row).getByText('Commune de Dioungani (Koro, Mopti)')).toBeInTheDocument();
    await userEvent.selectOptions(screen.getByLabelText('Rôle'), 'supervisor');
    const last = api.callsTo('GET', '/api/admin/users').at(-1);
    expect(last?.query.get('role')).toBe('supervisor');
    expect(window.location.search).toBe('?role=supervisor');
  });

  it('creates an account whose zone is picked by name, and sends its code', async () => {
    api.on('POST /api/admin/users', (req) => ({
      status: 201,
      body: {
        ...awa,
        id: 'u-2',
        login: 'moussa.dolo',
        name: 'Moussa Dolo',
        zones: [{ code: 'mopti.koro', label: 'Cercle de Koro (Mopti)' }],
        ...{ sent: req.body },
      },
    }));
    renderScreen(<AccountsScreen />, { path: '/admin/accounts', user: admin });
    await userEvent.click(await screen.findByRole('button', { name: 'Nouveau compte' }));
    const form = screen.getByRole('form', { name: 'Nouveau compte' });
    await userEvent.type(within(form).getByLabelText('Nom complet'), 'Moussa Dolo');
    await userEvent.type(within(form).getByLabelText('Login'), 'moussa.dolo');
    await userEvent.type(within(form).getByLabelText('Mot de passe'), 'motdepasse1');
    const create = within(form).getByRole('button', { name: 'Créer le compte' });
    expect(create).toBeDisabled(); // an enumerator without a zone would see nothing
    await userEvent.selectOptions(within(form).getByLabelText('Région'), 'Mopti');
    await userEvent.selectOptions(within(form).getByLabelText('Cercle'), 'Koro');
    await userEvent.click(
      within(form).getByRole('button', { name: 'Ajouter : Cercle de Koro (Mopti)' }),
    );
    expect(within(form).getByRole('list', { name: 'Zones choisies' })).toHaveTextContent(
      'Cercle de Koro (Mopti)',
    );
    await userEvent.click(create);
    expect(
      await screen.findByText('Compte de Moussa Dolo créé (login moussa.dolo).'),
    ).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/admin/users')[0]?.body).toEqual({
      login: 'moussa.dolo',
      name: 'Moussa Dolo',
      role: 'enumerator',
      zones: ['mopti.koro'],
      password: 'motdepasse1',
    });
  });

  it('shows the server’s refusal naming the field, and deactivates after a confirmation', async () => {
    api.on('PATCH /api/admin/users/u-1', (req) =>
      (req.body as { active?: boolean }).active === false
        ? { body: { ...awa, active: false } }
        : {
            status: 400,
            body: {
              error: { code: 'invalid_body', message: 'Champ « zones » : zone inconnue « x ».' },
            },
          },
    );
    renderScreen(<AccountsScreen />, { path: '/admin/accounts', user: admin });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Modifier le compte de Awa Traoré' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Champ « zones » : zone inconnue « x ».',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Annuler' }));
    await userEvent.click(
      screen.getByRole('button', { name: 'Désactiver le compte de Awa Traoré' }),
    );
    expect(api.callsTo('PATCH', '/api/admin/users/u-1')).toHaveLength(1);
    await userEvent.click(screen.getByRole('button', { name: 'Confirmer' }));
    expect(await screen.findByText('Compte de Awa Traoré désactivé.')).toBeInTheDocument();
    expect(api.callsTo('PATCH', '/api/admin/users/u-1')[1]?.body).toEqual({ active: false });
  });
});
