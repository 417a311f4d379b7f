import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, type FakeApi } from '../../test-support/fake-api';
import { admin, renderScreen } from '../../test-support/render-console';
import { ImportScreen } from './import-screen';

const fileBytes = new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3, 4]);
const exportFile = () =>
  new File([fileBytes], 'jigi-export-dev-1-20260315-0900.json.gz', { type: 'application/gzip' });
const summary = {
  deviceId: 'dev-1',
  userId: 'user-enq-koro',
  exportedAt: '2026-03-15T09:00:00.000Z',
  pushes: 2,
};

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
});

function renderAsAdmin() {
  return renderScreen(<ImportScreen />, { path: '/imports', user: admin });
}

/** jsdom's Blob has no arrayBuffer(): read it as a browser page would. */
function bytesOf(blob: Blob | undefined): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => {
      resolve(new Uint8Array(reader.result as ArrayBuffer));
    };
    reader.onerror = () => {
      reject(new Error('unreadable'));
    };
    reader.readAsArrayBuffer(blob ?? new Blob());
  });
}

async function pickAndSend() {
  await userEvent.upload(
    screen.getByLabelText('Choisir le fichier d’export de la tablette (.json.gz)'),
    exportFile(),
  );
  await userEvent.click(screen.getByRole('button', { name: 'Importer le fichier' }));
}

describe('admin import of a tablet’s export file', () => {
  it('sends the file’s bytes as they are and shows each outcome in French with the batches created', async () => {
    api.on('POST /api/admin/imports', {
      body: {
        ...summary,
        mutations: 6,
        outcomes: { applied: 2, merged: 1, conflict_queued: 1, rejected: 2 },
        rejections: { forbidden: 1, validation_failed: 1 },
        batches: [41, 42],
      },
    });
    renderAsAdmin();
    expect(screen.getByRole('button', { name: 'Importer le fichier' })).toBeDisabled();
    expect(screen.getByTestId('import-file-name')).toHaveTextContent('Aucun fichier choisi.');
    await pickAndSend();
    expect(screen.getByTestId('import-file-name')).toHaveTextContent(
      'Fichier choisi : jigi-export-dev-1-20260315-0900.json.gz',
    );
    const result = await screen.findByTestId('import-summary');
    const [call] = api.callsTo('POST', '/api/admin/imports');
    expect(call?.credentials).toBe('same-origin');
    expect(call?.contentType).toBe('application/octet-stream');
    expect(await bytesOf(call?.bytes)).toEqual(fileBytes);
    expect(
      within(result).getByText('Fichier importé : 6 modifications traitées.'),
    ).toBeInTheDocument();
    expect(within(result).getByTestId('import-outcome-applied')).toHaveTextContent('2 appliquées');
    expect(within(result).getByTestId('import-outcome-merged')).toHaveTextContent('1 fusionnée');
    expect(within(result).getByTestId('import-outcome-conflict_queued')).toHaveTextContent(
      '1 en arbitrage',
    );
    expect(within(result).getByTestId('import-outcome-rejected')).toHaveTextContent('2 rejetées');
    expect(within(result).getByTestId('import-rejection-forbidden')).toHaveTextContent(
      'dont 1 interdite',
    );
    expect(within(result).getByTestId('import-rejection-validation_failed')).toHaveTextContent(
      'dont 1 invalide',
    );
    expect(within(result).queryByTestId('import-outcome-duplicate')).toBeNull();
    expect(within(result).getByTestId('import-batches')).toHaveTextContent(
      'Lots créés : n° 41, 42',
    );
    expect(
      within(result).getByText(
        /Tablette dev-1 · utilisateur user-enq-koro · exporté le 15\/03\/2026 09:00/,
      ),
    ).toBeInTheDocument();
  });

  it('says plainly when everything in the file was already received', async () => {
    api.on('POST /api/admin/imports', {
      body: { ...summary, mutations: 3, outcomes: { duplicate: 3 }, rejections: {}, batches: [] },
    });
    renderAsAdmin();
    await pickAndSend();
    expect(await screen.findByTestId('import-already')).toHaveTextContent(
      'Ce fichier avait déjà été importé (ou la tablette l’a déjà synchronisé) : ses 3 modifications étaient déjà reçues, rien n’a changé.',
    );
    expect(screen.getByTestId('import-outcome-duplicate')).toHaveTextContent('3 déjà reçues');
    expect(screen.getByTestId('import-batches')).toHaveTextContent('Aucun nouveau lot.');
  });

  it('shows the server’s refusal of the file, and the missing older file, in French', async () => {
    api.on('POST /api/admin/imports', {
      status: 400,
      body: {
        error: {
          code: 'import_not_gzip',
          kind: 'validation',
          message: 'Ce fichier n’est pas compressé (gzip) : envoyez le .json.gz tel qu’exporté.',
        },
      },
    });
    renderAsAdmin();
    await pickAndSend();
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Fichier refusé : Ce fichier n’est pas compressé (gzip)',
    );
    api.on('POST /api/admin/imports', {
      status: 409,
      body: {
        error: {
          code: 'mutation_gap',
          kind: 'gap',
          message: 'gap',
          details: { expectedMutationId: 1 },
        },
      },
    });
    await userEvent.click(screen.getByRole('button', { name: 'Importer le fichier' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Un fichier plus ancien de cette tablette n’a pas encore été importé',
    );
    expect(screen.queryByTestId('import-summary')).toBeNull();
  });

  it('is open to a supervisor for her zones’ tablets, and says when a file comes from elsewhere', async () => {
    api.on('POST /api/admin/imports', {
      status: 403,
      body: { error: { code: 'import_outside_zones', kind: 'forbidden', message: 'outside' } },
    });
    renderScreen(<ImportScreen />, { path: '/imports' });
    expect(screen.getByText(/dont l’utilisateur travaille dans vos zones/)).toBeInTheDocument();
    await pickAndSend();
    expect(await screen.findByRole('alert')).toHaveTextContent('hors de vos zones');
    expect(api.calls).toHaveLength(1);
  });
});
