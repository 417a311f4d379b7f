import { buildCiblageHousehold, sampleIds } from '@jigi/domain/testing';
import { screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { finaliseRecord } from '../../storage/records';
import { addSyncReceipt } from '../../storage/sync-receipts';
import { saveRegistration } from '../../storage/sync-state';
import { exportUnsynced } from '../../sync/export-unsynced';
import { freshDb } from '../../test-support/db';
import { renderAs, testUser } from '../../test-support/render';
import { SyncHistory } from './sync-history';

const user = testUser({ id: sampleIds.agent });

beforeEach(async () => {
  await freshDb().open();
  await saveRegistration(user.id, 'dev-1', 'token-token-token-token');
});

describe('the sync screen', () => {
  it('shows what waits (and what is already in an export file), the export, and the receipts', async () => {
    await finaliseRecord({
      record: buildCiblageHousehold(),
      agentId: user.id,
      now: '2026-03-15T09:00:00.000Z',
    });
    // An edit of the same household: two changes waiting, one once compacted into the export.
    await finaliseRecord({
      record: buildCiblageHousehold({ householdCode: 'KOR-DIO-001-AK-0002' }),
      agentId: user.id,
      now: '2026-03-15T09:01:00.000Z',
    });
    await addSyncReceipt({
      userId: user.id,
      at: '2026-03-14T09:00:00.000Z',
      finishedAt: '2026-03-14T09:01:00.000Z',
      batchId: 'b',
      batchNos: [12],
      sent: 3,
      accepted: 3,
      rejected: 0,
      conflicts: 0,
      duplicates: 0,
      pulled: 0,
      bytesUp: 1,
      bytesDown: 1,
      requests: 1,
      rejections: [],
    });
    renderAs(<SyncHistory />, user);
    await waitFor(() => {
      expect(screen.getByTestId('outbox-count')).toHaveTextContent(
        '2 modifications en attente d’envoi',
      );
    });
    expect(screen.getByTestId('leave-refused')).toHaveTextContent(
      '2 modifications ne sont ni synchronisées ni exportées.',
    );
    expect(
      screen.getByRole('button', { name: 'Exporter les fiches non envoyées' }),
    ).toBeInTheDocument();
    // The receipts are opened (decrypted) after the counts, which read index keys only.
    expect(await screen.findByTestId('sync-receipt')).toHaveTextContent(
      '3 envoyés, 3 acceptés, 0 rejeté — lot n° 12',
    );

    await exportUnsynced({
      userId: user.id,
      now: '2026-03-15T10:00:00.000Z',
      newId: () => crypto.randomUUID(),
    });
    await waitFor(() => {
      expect(screen.getByTestId('outbox-count')).toHaveTextContent(
        '1 modification en attente d’envoi (dont 1 déjà dans un fichier d’export',
      );
    });
    expect(screen.getByTestId('leave-allowed')).toBeInTheDocument();
  });
});
