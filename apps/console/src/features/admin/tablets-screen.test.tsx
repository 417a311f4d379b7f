import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, type FakeApi } from '../../test-support/fake-api';
import { admin, renderScreen } from '../../test-support/render-console';
import { TabletsScreen } from './tablets-screen';

const tablet = {
  id: '5f0c1a9e-0000-4000-8000-000000000002',
  name: 'Tablette de Awa Traoré n° 2',
  label: 'Samsung A8',
  userId: 'u-1',
  userName: 'Awa Traoré',
  userLogin: 'awa.traore',
  registeredAt: '2026-03-01T08:00:00.000Z',
  lastSyncAt: '2026-03-14T17:05:00.000Z',
  revokedAt: null,
  unsyncedReported: null,
  rejections: 1,
};

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  api.on('GET /api/admin/devices', { body: { rows: [tablet], total: 1 } });
});

describe('tablets screen', () => {
  it('names each tablet for its user, never by its id, with its registration and last sync', async () => {
    renderScreen(<TabletsScreen />, { path: '/admin/tablets', user: admin });
    const row = await screen.findByTestId('tablet-row');
    expect(row).toHaveTextContent('Tablette de Awa Traoré n° 2');
    expect(row).toHaveTextContent('01/03/2026 08:00');
    expect(row).toHaveTextContent('14/03/2026 17:05');
    expect(row).toHaveTextContent('non communiqué');
    expect(document.body.textContent).not.toContain(tablet.id);
  });

  it('shows the unsynced count the tablet last reported, in a table the keyboard can reach and scroll', async () => {
    api.on('GET /api/admin/devices', {
      body: { rows: [{ ...tablet, unsyncedReported: 7 }], total: 1 },
    });
    renderScreen(<TabletsScreen />, { path: '/admin/tablets', user: admin });
    const row = await screen.findByTestId('tablet-row');
    expect(row).not.toHaveTextContent('non communiqué');
    expect(within(row).getByText('7')).toBeInTheDocument();
    const region = screen.getByRole('region', { name: /Tableau « 1 tablette/ });
    expect(region).toHaveAttribute('tabindex', '0');
    region.focus();
    expect(region).toHaveFocus();
  });

  it('revokes a lost tablet only after a confirmation that says what follows', async () => {
    api.on('POST /api/admin/devices/:id/revoke', {
      body: { ...tablet, revokedAt: '2026-03-15T10:00:00.000Z' },
    });
    renderScreen(<TabletsScreen />, { path: '/admin/tablets', user: admin });
    await userEvent.click(
      await screen.findByRole('button', { name: 'Révoquer la Tablette de Awa Traoré n° 2' }),
    );
    const dialog = screen.getByRole('alertdialog');
    expect(dialog).toHaveTextContent('Révoquer la Tablette de Awa Traoré n° 2 ?');
    expect(dialog).toHaveTextContent('fichier d’export');
    await userEvent.click(within(dialog).getByRole('button', { name: 'Annuler' }));
    expect(api.callsTo('POST', `/api/admin/devices/${tablet.id}/revoke`)).toHaveLength(0);
    await userEvent.click(
      screen.getByRole('button', { name: 'Révoquer la Tablette de Awa Traoré n° 2' }),
    );
    await userEvent.click(screen.getByRole('button', { name: 'Confirmer' }));
    expect(await screen.findByText('Tablette de Awa Traoré n° 2 révoquée.')).toBeInTheDocument();
    expect(api.callsTo('POST', `/api/admin/devices/${tablet.id}/revoke`)).toHaveLength(1);
    expect(api.callsTo('GET', '/api/admin/devices').length).toBeGreaterThan(1);
  });
});
