import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { saveRegistration } from '../../storage/sync-state';
import { freshDb } from '../../test-support/db';
import { renderAs, testUser } from '../../test-support/render';
import SupervisorConsole from './supervisor-console';
import { fakeApi, type FakeApi } from './test-support/fake-api';
import { koroScope, supervisor } from './test-support/render-console';
import { batchRow } from './test-support/samples';

let api: FakeApi;
beforeEach(async () => {
  await freshDb().open();
  api = fakeApi();
  api.on('GET /api/reference/villages', { body: koroScope });
  api.on('GET /api/review/batches', { body: { rows: [batchRow()], total: 1 } });
  api.on('GET /api/review/conflicts', { body: { conflicts: [] } });
});

describe('supervisor console', () => {
  it('uses the supervisor’s own device token, names villages from the scope and navigates between screens keeping the filters', async () => {
    await saveRegistration(supervisor.id, 'device-sup', 'jd_sup-token');
    window.location.hash = '/supervision?zone=mopti.koro';
    renderAs(<SupervisorConsole />, supervisor);
    expect(await screen.findByRole('link', { name: 'Lot n° 7' })).toBeInTheDocument();
    expect(await screen.findByRole('cell', { name: 'Dioungani (démo)' })).toBeInTheDocument();
    expect(api.calls.every((c) => c.token === 'jd_sup-token')).toBe(true);
    expect(api.callsTo('GET', '/api/review/batches')[0]?.query.get('zone')).toBe('mopti.koro');
    // The entry path becomes the list's own address, filters kept (the shell routes sub-paths here).
    expect(window.location.hash).toBe('#/supervision/batches?zone=mopti.koro');
    const nav = screen.getByRole('navigation', { name: 'Supervision' });
    expect(within(nav).getByRole('link', { name: 'Lots reçus' })).toHaveAttribute(
      'aria-current',
      'page',
    );
    // Importing a tablet's file is an admin's job: not offered to a supervisor.
    expect(within(nav).queryByRole('link', { name: 'Import de tablette' })).toBeNull();
    await userEvent.click(within(nav).getByRole('link', { name: 'Conflits' }));
    expect(await screen.findByText('Aucun conflit à arbitrer.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'Conflits' })).toBeInTheDocument();
    expect(api.callsTo('GET', '/api/review/conflicts')[0]?.query.get('zone')).toBe('mopti.koro');
  });

  it('opens a batch typed by hand and says so when the server refuses it (another zone)', async () => {
    await saveRegistration(supervisor.id, 'device-sup', 'jd_sup-token');
    window.location.hash = '/supervision/batches/42';
    renderAs(<SupervisorConsole />, supervisor);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Introuvable (ou hors de vos zones).',
    );
    expect(screen.getByRole('heading', { level: 1, name: 'Lot n° 42' })).toBeInTheDocument();
  });

  it('shows an unknown console path as not found', async () => {
    await saveRegistration(supervisor.id, 'device-sup', 'jd_sup-token');
    window.location.hash = '/supervision/nowhere';
    renderAs(<SupervisorConsole />, supervisor);
    expect(await screen.findByRole('heading', { name: 'Page introuvable' })).toBeInTheDocument();
  });

  it('asks to log in online again when this device holds no token for the supervisor', async () => {
    window.location.hash = '/supervision';
    renderAs(<SupervisorConsole />, supervisor);
    expect(await screen.findByRole('alert')).toHaveTextContent('reconnectez-vous en ligne');
    expect(api.calls).toHaveLength(0);
  });

  it('refuses field roles before any request', async () => {
    window.location.hash = '/supervision';
    await act(async () => {
      renderAs(<SupervisorConsole />, testUser());
      await Promise.resolve();
    });
    expect(screen.getByRole('alert')).toHaveTextContent('réservée aux superviseurs');
    expect(api.calls).toHaveLength(0);
  });
});
