import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { addSyncReceipt } from '../../storage/sync-receipts';
import { renderAs, testUser } from '../../test-support/render';
import { SyncScheduler } from '../scheduler';
import { SyncEngine } from '../sync-engine';
import { freshDb } from '../../test-support/db';
import { RecordSyncState } from './record-sync-state';
import { SyncProvider } from './sync-context';
import { SyncHistory } from './sync-history';
import { SyncPanel } from './sync-panel';

// What the user reads: progress in records and bytes, the receipt line, « en attente d'arbitrage ».

function services(onSync: () => void) {
  const engine = new SyncEngine({ userId: 'u1', transport: { baseUrl: 'http://127.0.0.1:1', fetch: () => Promise.reject(new Error('no network')), now: () => 0 } });
  const scheduler = new SyncScheduler({
    sync: () => {
      onSync();
      return Promise.resolve({ ok: true, receipt: null });
    },
  });
  return { engine, scheduler };
}

describe('sync UI', () => {
  it('shows progress in records and bytes, and « Synchroniser » triggers a sync', async () => {
    let syncs = 0;
    const s = services(() => (syncs += 1));
    renderAs(
      <SyncProvider userId="u1" services={s}>
        <SyncPanel />
      </SyncProvider>,
    );
    s.engine.progress.set({ phase: 'pushing', sent: 42, toSend: 100, bytesUp: 120_000, bytesDown: 2_000 });
    expect(await screen.findByText('42 / 100 fiches envoyées')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('value', '42');
    expect(screen.getByText(/envoyés, .* reçus/)).toBeInTheDocument();
    expect(screen.getByTestId('sync-phase')).toHaveTextContent('Envoi des fiches…');
    s.engine.progress.set({ phase: 'failed', error: { kind: 'network', message: 'reset' } });
    expect(await screen.findByText(/Pas de connexion au serveur/)).toBeInTheDocument();
    s.engine.progress.set({ phase: 'failed', error: { kind: 'auth', code: 'device_revoked', message: 'Appareil révoqué' } });
    expect(await screen.findByText(/n’est plus autorisée/)).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('sync-now'));
    expect(syncs).toBe(1);
  });

  it('lists receipts « 42 envoyés, 42 acceptés, 0 rejetés — lot n° 12 » with the rejected records', async () => {
    await freshDb().open();
    const base = { userId: 'u1', batchId: 'b', sent: 42, accepted: 41, rejected: 1, conflicts: 0, duplicates: 0, pulled: 3, bytesUp: 1, bytesDown: 1, requests: 2, finishedAt: '2026-03-15T09:01:00.000Z' };
    await addSyncReceipt({ ...base, at: '2026-03-15T09:00:00.000Z', batchNos: [12], rejections: [{ recordId: '0b6f3c1e-1111-4aaa-8bbb-000000000001', code: 'forbidden', message: 'Village hors de vos zones' }] });
    renderAs(<SyncHistory userId="u1" />, testUser({ id: 'u1' }));
    await waitFor(() => {
      expect(screen.getByTestId('sync-receipt')).toHaveTextContent('42 envoyés, 41 acceptés, 1 rejetés — lot n° 12');
    });
    expect(screen.getByText(/Fiche 0b6f3c1e : Village hors de vos zones/)).toBeInTheDocument();
  });

  it('a record waiting for the supervisor says so; a rejected one says why and how to resend', () => {
    const { rerender } = renderAs(<RecordSyncState status="conflict" conflictPaths={['householdCode']} fieldLabel={() => 'Code ménage'} />);
    expect(screen.getByTestId('record-conflict')).toHaveTextContent('En attente d’arbitrage');
    expect(screen.getByText(/Code ménage/)).toBeInTheDocument();
    rerender(<RecordSyncState status="rejected" rejection={{ code: 'validation_failed', message: 'Âge du chef invalide' }} />);
    expect(screen.getByTestId('record-rejection')).toHaveTextContent('Âge du chef invalide');
    expect(screen.getByText(/finalisez-la à nouveau/)).toBeInTheDocument();
  });
});
