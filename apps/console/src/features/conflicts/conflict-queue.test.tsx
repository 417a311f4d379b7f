import type { ConflictDetailResponse as ConflictDetail } from '@jigi/contract';
import { sampleIds } from '@jigi/domain/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, pending, type FakeApi } from '../../test-support/fake-api';
import { renderScreen } from '../../test-support/render-console';
import { HOSTILE_NAME, recordDetail } from '../../test-support/samples';
import { ConflictQueue } from './conflict-queue';

const path = `members.${sampleIds.head}.firstName`;
const conflict = {
  id: 'c1',
  recordId: sampleIds.household,
  path,
  serverValue: 'Amadou',
  incomingValue: HOSTILE_NAME,
  baseVersion: 1,
  serverVersion: 2,
  serverBy: 'device-tab-01',
  deviceId: 'device-tab-02',
  userId: 'user-enq-2',
  mutationId: 4,
  createdAt: '2026-03-15T11:00:00.000Z',
  status: 'open',
  resolvedValue: null,
  resolvedBy: null,
  resolvedAt: null,
  resolvedVersion: null,
};
const detail: ConflictDetail = {
  conflict: conflict as ConflictDetail['conflict'],
  record: {
    id: sampleIds.household,
    type: 'ciblage_household',
    villageId: 'village-koro-demo-1',
    version: 2,
  },
  server: {
    value: 'Amadou',
    version: 2,
    deviceId: 'device-tab-01',
    deviceLabel: 'Tablette Koro 1',
    userName: 'Enquêteur Koro',
    at: '2026-03-15T10:30:00.000Z',
  },
  incoming: {
    value: HOSTILE_NAME,
    deviceId: 'device-tab-02',
    deviceLabel: 'Tablette Bankass 2',
    userName: 'Enquêteuse Bankass',
    at: '2026-03-15T11:00:00.000Z',
    mutationId: 4,
  },
  base: { version: 1, value: 'Hamadou' },
};

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  api.on('GET /api/review/conflicts/:id', { body: detail });
  api.on('GET /api/review/records/:id', { body: recordDetail() });
});

describe('conflict queue', () => {
  it('loading, empty and error states', async () => {
    api.on('GET /api/review/conflicts', () => pending());
    const first = renderScreen(<ConflictQueue />, { path: '/conflicts' });
    expect(await screen.findByText('Chargement…')).toBeInTheDocument();
    first.unmount();
    api.on('GET /api/review/conflicts', { body: { conflicts: [] } });
    const second = renderScreen(<ConflictQueue />, { path: '/conflicts' });
    expect(await screen.findByText('Aucun conflit à arbitrer.')).toBeInTheDocument();
    second.unmount();
    api.on('GET /api/review/conflicts', () => Promise.reject(new TypeError('Failed to fetch')));
    renderScreen(<ConflictQueue />, { path: '/conflicts' });
    expect(await screen.findByRole('alert')).toHaveTextContent('Le serveur ne répond pas');
  });

  it('shows base, server and incoming values side by side with agent, device and time; names stay text', async () => {
    api.on('GET /api/review/conflicts', { body: { conflicts: [conflict] } });
    const { container } = renderScreen(<ConflictQueue />, {
      path: '/conflicts?zone=mopti.koro',
    });
    expect(await screen.findByText('1 conflit à arbitrer')).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/review/conflicts')[0]?.query.get('zone')).toBe('mopti.koro');
    expect(api.callsTo('GET', '/api/review/conflicts')[0]?.query.get('status')).toBe('open');
    expect(screen.getByRole('heading', { name: 'Conflit sur « Prénom »' })).toBeInTheDocument();
    // The member is named from the record: roster number 1.
    expect(await screen.findByText('Liste des membres › n° 1 › Prénom')).toBeInTheDocument();
    const base = await screen.findByRole('region', { name: 'Valeur de départ' });
    expect(within(base).getByText('Hamadou')).toBeInTheDocument();
    const a = screen.getByRole('region', { name: 'Valeur A (déjà sur le serveur)' });
    expect(within(a).getByText('Amadou')).toBeInTheDocument();
    expect(within(a).getByText('Enquêteur Koro')).toBeInTheDocument();
    expect(within(a).getByText('Tablette Koro 1')).toBeInTheDocument();
    expect(within(a).getByText('15/03/2026 10:30')).toBeInTheDocument();
    const b = screen.getByRole('region', { name: 'Valeur B (reçue ensuite)' });
    expect(within(b).getByText(HOSTILE_NAME)).toBeInTheDocument();
    expect(within(b).getByText('Tablette Bankass 2')).toBeInTheDocument();
    expect(container.querySelector('img')).toBeNull();
  });

  it('chooses a side after confirmation; the queue reloads and says it flows to tablets', async () => {
    const ui = userEvent.setup();
    let open = [conflict];
    api.on('GET /api/review/conflicts', () => ({ body: { conflicts: open } }));
    api.on('POST /api/review/conflicts/:id/resolve', () => {
      open = [];
      return { body: { conflictId: 'c1', version: 3 } };
    });
    renderScreen(<ConflictQueue />, { path: '/conflicts' });
    await ui.click(await screen.findByRole('button', { name: 'Choisir la valeur A' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent(
      'Retenir « Amadou » pour « Prénom » ?',
    );
    await ui.click(screen.getByRole('button', { name: 'Confirmer' }));
    expect(await screen.findByText(/1 conflit arbitré/)).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/review/conflicts/c1/resolve')[0]?.body).toEqual({
      choice: 'server',
    });
    await waitFor(() => {
      expect(screen.getByText('Aucun conflit à arbitrer.')).toBeInTheDocument();
    });
  });

  it('sends a typed value, and shows the server’s refusal', async () => {
    const ui = userEvent.setup();
    api.on('GET /api/review/conflicts', { body: { conflicts: [conflict] } });
    api.on('POST /api/review/conflicts/:id/resolve', {
      status: 409,
      body: { error: { code: 'invalid_state', message: 'Ce conflit est déjà arbitré.' } },
    });
    renderScreen(<ConflictQueue />, { path: '/conflicts' });
    await ui.type(
      await screen.findByLabelText('Ou saisir la bonne valeur de « Prénom »'),
      '  Hamadou  ',
    );
    await ui.click(screen.getByRole('button', { name: 'Utiliser cette valeur' }));
    await ui.click(screen.getByRole('button', { name: 'Confirmer' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Action impossible : Ce conflit est déjà arbitré.',
    );
    expect(api.callsTo('POST', '/api/review/conflicts/c1/resolve')[0]?.body).toEqual({
      choice: 'value',
      value: 'Hamadou',
    });
  });
});
