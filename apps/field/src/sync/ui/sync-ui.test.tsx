import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { addSyncReceipt } from '../../storage/sync-receipts';
import { renderAs, testUser } from '../../test-support/render';
import { SyncScheduler } from '../scheduler';
import { SyncEngine, type SyncOutcome } from '../sync-engine';
import { freshDb } from '../../test-support/db';
import { RecordSyncState } from './record-sync-state';
import { SyncProvider } from './sync-context';
import { ReceiptLine, SyncHistory } from './sync-history';
import { SyncViews } from './sync-bar';
import { syncLine } from './sync-line';

/** The header's sync parts as the shell places them: the line, the button, the details. */
function Sync({
  s,
  unsynced = 0,
  online = true,
}: {
  s: ReturnType<typeof services>;
  unsynced?: number;
  online?: boolean;
}) {
  return (
    <SyncProvider userId="u1" services={s}>
      <SyncViews userId="u1" unsynced={unsynced} online={online}>
        {(v) => (
          <>
            {v.line}
            {v.button}
            {v.panel}
          </>
        )}
      </SyncViews>
    </SyncProvider>
  );
}

// What the user reads: progress in records and bytes, the receipt line, « en attente d'arbitrage ».

function services(onSync: () => void, outcome: SyncOutcome = { ok: true, receipt: null }) {
  const engine = new SyncEngine({
    userId: 'u1',
    transport: {
      baseUrl: 'http://127.0.0.1:1',
      fetch: () => Promise.reject(new Error('no network')),
      now: () => 0,
    },
  });
  const scheduler = new SyncScheduler({
    sync: () => {
      onSync();
      return Promise.resolve(outcome);
    },
  });
  return { engine, scheduler };
}

const receiptBase = {
  userId: 'u1',
  batchId: 'b',
  sent: 42,
  accepted: 42,
  rejected: 0,
  conflicts: 0,
  duplicates: 0,
  pulled: 0,
  bytesUp: 1,
  bytesDown: 1,
  requests: 1,
  rejections: [],
  batchNos: [12],
  at: '2026-03-15T09:00:00.000Z',
  finishedAt: '2026-03-15T09:01:00.000Z',
};

describe('sync UI', () => {
  it('shows progress in records and bytes, and « Synchroniser » triggers a sync', async () => {
    let syncs = 0;
    const s = services(() => (syncs += 1));
    renderAs(<Sync s={s} />);
    s.engine.progress.set({
      phase: 'pushing',
      sent: 42,
      toSend: 100,
      bytesUp: 120_000,
      bytesDown: 2_000,
    });
    expect(await screen.findByText('42 / 100 fiches envoyées')).toBeInTheDocument();
    expect(screen.getByRole('progressbar')).toHaveAttribute('value', '42');
    expect(screen.getByText(/envoyés, .* reçus/)).toBeInTheDocument();
    expect(screen.getByTestId('sync-phase')).toHaveTextContent('Envoi des fiches…');
    s.engine.progress.set({ phase: 'failed', error: { kind: 'network', message: 'reset' } });
    expect(await screen.findByText(/Pas de connexion au serveur/)).toBeInTheDocument();
    s.engine.progress.set({
      phase: 'failed',
      error: { kind: 'auth', code: 'device_revoked', message: 'Appareil révoqué' },
    });
    expect(await screen.findByText(/n’est plus autorisée/)).toBeInTheDocument();
    await userEvent.click(screen.getByTestId('sync-now'));
    expect(syncs).toBe(1);
  });

  it('after a sync that sent nothing: « Tout est à jour », the last receipt that sent something stays on screen', async () => {
    await freshDb().open();
    await addSyncReceipt({ ...receiptBase, at: '2026-03-15T09:00:00.000Z' });
    // A later sync that only received updates: its receipt does not replace the one above.
    await addSyncReceipt({
      ...receiptBase,
      at: '2026-03-15T10:00:00.000Z',
      sent: 0,
      accepted: 0,
      batchNos: [],
      pulled: 3,
    });
    const s = services(() => undefined);
    renderAs(<Sync s={s} />, testUser({ id: 'u1' }));
    expect(await screen.findByTestId('sync-last-receipt')).toHaveTextContent(
      '42 envoyés, 42 acceptés, 0 rejeté — lot n° 12',
    );
    s.engine.progress.reset({
      phase: 'done',
      sent: 0,
      toSend: 0,
      bytesUp: 0,
      bytesDown: 900,
      pulled: 0,
      receipt: null,
    });
    expect(await screen.findByTestId('sync-phase')).toHaveTextContent('Tout est à jour.');
    expect(screen.queryByText(/0 envoyés/)).toBeNull();
    expect(screen.queryByRole('progressbar')).toBeNull();
    // Sizes in human units, and a side that moved nothing is not shown (« 0 o envoyés »).
    expect(screen.getByTestId('sync-bytes')).toHaveTextContent(/^900 o reçus$/);
  });

  it('the sync line never contradicts the counters: nothing waiting, online, after a sync — only then « Tout est à jour »', async () => {
    const s = services(() => undefined);
    const { rerender } = renderAs(<Sync s={s} unsynced={1} online={false} />);
    s.engine.progress.reset({
      phase: 'done',
      sent: 0,
      toSend: 0,
      bytesUp: 0,
      bytesDown: 0,
      pulled: 0,
      receipt: null,
    });
    expect(await screen.findByTestId('sync-phase')).toHaveTextContent('Hors ligne');
    rerender(<Sync s={s} unsynced={1} online />);
    expect(screen.getByTestId('sync-phase')).toHaveTextContent('En ligne');
    rerender(<Sync s={s} unsynced={0} online />);
    expect(screen.getByTestId('sync-phase')).toHaveTextContent('Tout est à jour.');
    // Every combination: « Tout est à jour » never beside an unsynced record or « Hors ligne ».
    for (const phase of ['idle', 'waiting', 'pushing', 'pulling', 'done', 'failed'] as const)
      for (const unsynced of [0, 1])
        for (const online of [true, false])
          for (const sentSomething of [true, false]) {
            const line = syncLine({ phase, unsynced, online, sentSomething });
            if (line.kind === 'upToDate')
              expect({ unsynced, online }).toEqual({ unsynced: 0, online: true });
          }
  });

  it('a tap while another tab syncs says so in French', async () => {
    const s = services(() => undefined, { ok: false, busy: true });
    renderAs(<Sync s={s} />);
    await userEvent.click(screen.getByTestId('sync-now'));
    expect(
      await screen.findByText(/Un autre onglet de Jigi Collect synchronise déjà/),
    ).toBeInTheDocument();
  });

  it('a resent batch whose first answer was lost reads « lot déjà reçu »; a sync that only received reads « Tout est à jour »', () => {
    const { rerender } = renderAs(<ReceiptLine receipt={{ ...receiptBase, batchNos: [] }} />);
    expect(screen.getByTestId('sync-receipt')).toHaveTextContent(
      '42 envoyés, 42 acceptés, 0 rejeté — lot déjà reçu',
    );
    // One batch new, one a resend the server already had.
    rerender(<ReceiptLine receipt={{ ...receiptBase, batchNos: [12], replayedBatches: 1 }} />);
    expect(screen.getByTestId('sync-receipt')).toHaveTextContent(
      '42 envoyés, 42 acceptés, 0 rejeté — lot n° 12 · 1 lot déjà reçu',
    );
    rerender(
      <ReceiptLine receipt={{ ...receiptBase, sent: 0, accepted: 0, batchNos: [], pulled: 3 }} />,
    );
    expect(screen.getByTestId('sync-receipt')).toHaveTextContent(
      'Tout est à jour. · 3 mises à jour reçues',
    );
  });

  it('lists receipts « 42 envoyés, 42 acceptés, 0 rejeté — lot n° 12 » with the rejected records', async () => {
    await freshDb().open();
    const base = {
      userId: 'u1',
      batchId: 'b',
      sent: 42,
      accepted: 41,
      rejected: 1,
      conflicts: 0,
      duplicates: 0,
      pulled: 3,
      bytesUp: 1,
      bytesDown: 1,
      requests: 2,
      finishedAt: '2026-03-15T09:01:00.000Z',
    };
    await addSyncReceipt({
      ...base,
      at: '2026-03-15T09:00:00.000Z',
      batchNos: [12],
      rejections: [
        {
          recordId: '0b6f3c1e-1111-4aaa-8bbb-000000000001',
          code: 'forbidden',
          message: 'Village hors de vos zones',
        },
      ],
    });
    renderAs(<SyncHistory userId="u1" />, testUser({ id: 'u1' }));
    await waitFor(() => {
      expect(screen.getByTestId('sync-receipt')).toHaveTextContent(
        '42 envoyés, 41 acceptés, 1 rejeté — lot n° 12',
      );
    });
    expect(screen.getByText(/Fiche 0b6f3c1e : Village hors de vos zones/)).toBeInTheDocument();
  });

  it('a record waiting for the supervisor says so; a rejected one says why and how to resend', () => {
    const { rerender } = renderAs(
      <RecordSyncState
        status="conflict"
        conflictPaths={['householdCode']}
        fieldLabel={() => 'Code ménage'}
      />,
    );
    expect(screen.getByTestId('record-conflict')).toHaveTextContent('En attente d’arbitrage');
    expect(screen.getByText(/Code ménage/)).toBeInTheDocument();
    rerender(
      <RecordSyncState
        status="rejected"
        rejection={{ code: 'validation_failed', message: 'Âge du chef invalide' }}
      />,
    );
    expect(screen.getByTestId('record-rejection')).toHaveTextContent('Âge du chef invalide');
    expect(screen.getByText(/finalisez-la à nouveau/)).toBeInTheDocument();
  });
});
