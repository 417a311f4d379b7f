import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, pending, type FakeApi } from '../../test-support/fake-api';
import { renderScreen } from '../../test-support/render-console';
import { batchRow } from '../../test-support/samples';
import { BatchList } from './batch-list';

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
});

describe('batch list', () => {
  it('shows a loading state while the server answers', async () => {
    api.on('GET /api/review/batches', () => pending());
    renderScreen(<BatchList />);
    expect(await screen.findByText('Chargement…')).toBeInTheDocument();
  });

  it('says so when no batch matches', async () => {
    api.on('GET /api/review/batches', { body: { rows: [], total: 0 } });
    renderScreen(<BatchList />);
    expect(await screen.findByText('Aucun lot ne correspond à ces filtres.')).toBeInTheDocument();
  });

  it('shows a French error and retries', async () => {
    let n = 0;
    api.on('GET /api/review/batches', () =>
      ++n === 1
        ? { status: 500, body: { error: { code: 'internal', message: 'Panne' } } }
        : { body: { rows: [batchRow()], total: 1 } },
    );
    renderScreen(<BatchList />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Erreur du serveur (500) : Panne');
    await userEvent.click(screen.getByRole('button', { name: 'Réessayer' }));
    expect(await screen.findByRole('link', { name: 'Lot n° 7' })).toBeInTheDocument();
  });

  it('treats a response of the wrong shape as an error, not as data', async () => {
    api.on('GET /api/review/batches', { body: { batches: 'nope' } });
    renderScreen(<BatchList />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Réponse du serveur inattendue');
  });

  it('lists batches with village names, counts by type and by review status, with the session cookie', async () => {
    api.on('GET /api/review/batches', {
      body: {
        rows: [
          batchRow(),
          batchRow({
            number: 8,
            userId: 'user-anim-koro',
            counts: { ma_session: 1 },
            villages: ['village-koro-demo-2'],
            statusCounts: { approved: 1 },
          }),
        ],
        total: 2,
      },
    });
    renderScreen(<BatchList />);
    expect(await screen.findByText('2 lots')).toBeInTheDocument();
    const row = screen.getByRole('link', { name: 'Lot n° 7' }).closest('tr');
    if (!row) throw new Error('no row');
    expect(within(row).getByText('Dioungani (démo)')).toBeInTheDocument();
    expect(within(row).getByText('2 Ciblage (ménage)')).toBeInTheDocument();
    expect(within(row).getByText('2 à examiner')).toBeInTheDocument();
    expect(within(row).getByText('15/03/2026 10:12')).toBeInTheDocument();
    expect(screen.getByText('1 Séance MA')).toBeInTheDocument();
    expect(api.calls[0]?.credentials).toBe('same-origin');
    expect(api.calls[0]?.query.get('limit')).toBe('50');
    expect(api.calls[0]?.query.get('offset')).toBe('0');
  });

  it('sends the chosen filters to the server and keeps them in the URL', async () => {
    api.on('GET /api/review/batches', { body: { rows: [batchRow()], total: 1 } });
    renderScreen(<BatchList />);
    await screen.findByRole('link', { name: 'Lot n° 7' });
    await userEvent.selectOptions(screen.getByLabelText('Zone'), 'village-koro-demo-2');
    await userEvent.selectOptions(screen.getByLabelText('Statut'), 'received');
    await userEvent.selectOptions(screen.getByLabelText('Type de fiche'), 'ciblage_household');
    await userEvent.selectOptions(screen.getByLabelText('Agent'), 'user-enq-koro');
    await waitFor(() => {
      const last = api.calls.at(-1);
      expect(last?.query.get('zone')).toBe('village-koro-demo-2');
      expect(last?.query.get('status')).toBe('received');
      expect(last?.query.get('recordType')).toBe('ciblage_household');
      expect(last?.query.get('userId')).toBe('user-enq-koro');
    });
    expect(window.location.search).toContain('zone=village-koro-demo-2');
  });

  it('takes dates as jj/mm/aaaa and sends them only once complete', async () => {
    api.on('GET /api/review/batches', { body: { rows: [], total: 0 } });
    renderScreen(<BatchList />);
    await screen.findByText('Aucun lot ne correspond à ces filtres.');
    await userEvent.type(screen.getByLabelText('Du'), '01/03/20');
    expect(screen.getByText('Date au format jj/mm/aaaa.')).toBeInTheDocument();
    expect(api.calls.some((c) => c.query.has('from'))).toBe(false);
    await userEvent.type(screen.getByLabelText('Du'), '26');
    await waitFor(() => {
      expect(api.calls.at(-1)?.query.get('from')).toBe('2026-03-01');
    });
    expect(screen.queryByText('Date au format jj/mm/aaaa.')).toBeNull();
    expect(screen.getByLabelText('Du')).toHaveValue('01/03/2026');
    await userEvent.clear(screen.getByLabelText('Du'));
    await waitFor(() => {
      expect(api.calls.at(-1)?.query.has('from')).toBe(false);
    });
  });

  it('offers only the supervisor’s own zones (Koro, its communes and villages) — never Gao', () => {
    api.on('GET /api/review/batches', { body: { rows: [], total: 0 } });
    renderScreen(<BatchList />);
    const zone = screen.getByLabelText('Zone');
    const options = within(zone)
      .getAllByRole('option')
      .map((o) => o.getAttribute('value'));
    expect(options).toEqual([
      '',
      'mopti.koro',
      'mopti.koro.dioungani',
      'village-koro-demo-1',
      'mopti.koro.madougou',
      'village-koro-demo-2',
    ]);
  });
});
