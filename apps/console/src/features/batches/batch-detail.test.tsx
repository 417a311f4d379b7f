import { sampleId } from '@jigi/domain/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, pending, type FakeApi } from '../../test-support/fake-api';
import { renderScreen } from '../../test-support/render-console';
import { batchRow, ciblageData, HOSTILE_NAME, recordDetail } from '../../test-support/samples';
import { BatchDetail } from './batch-detail';

const A = sampleId(100);
const B = sampleId(110);
let api: FakeApi;

/** A record of the batch, named by its household code (A: …0001, B: …0002). */
function slim(id: string, warningCount: number, reviewStatus = 'received') {
  return {
    id,
    type: 'ciblage_household',
    villageId: 'village-koro-demo-1',
    version: 2,
    reviewStatus,
    deleted: false,
    warningCount,
    updatedAt: '2026-03-15T10:12:00.000Z',
    data: ciblageData({ householdCode: `KOR-DIO-001-AK-000${id === A ? '1' : '2'}` }),
  };
}

beforeEach(() => {
  api = fakeApi();
  api.on('GET /api/review/records/:id', { body: recordDetail() });
});

describe('batch detail', () => {
  it('shows loading, then a refusal for a batch out of zone typed by hand (404)', async () => {
    api.on('GET /api/review/batches/:n', () => pending());
    const { unmount } = renderScreen(<BatchDetail number={7} />);
    expect(await screen.findByText('Chargement…')).toBeInTheDocument();
    unmount();
    api.on('GET /api/review/batches/:n', {
      status: 404,
      body: { error: { code: 'not_found', message: 'Introuvable.' } },
    });
    renderScreen(<BatchDetail number={99} />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Introuvable (ou hors de vos zones).',
    );
    expect(api.calls.at(-1)?.path).toBe('/api/review/batches/99');
  });

  it('says when a batch has no accepted record, and lists the refused mutations', async () => {
    api.on('GET /api/review/batches/:n', {
      body: {
        batch: batchRow(),
        records: [],
        rejected: [{ mutationId: 3, reasonCode: 'validation_failed', reason: {} }],
      },
    });
    renderScreen(<BatchDetail number={7} />);
    expect(
      await screen.findByText('Ce lot ne contient aucune fiche acceptée.'),
    ).toBeInTheDocument();
    expect(
      screen.getByText(
        /1 modification de ce lot a été refusée par le serveur \(validation_failed\)/,
      ),
    ).toBeInTheDocument();
  });

  it('highlights records with warnings and shows the domain’s messages', async () => {
    api.on('GET /api/review/batches/:n', {
      body: { batch: batchRow(), records: [slim(A, 1), slim(B, 0)], rejected: [] },
    });
    renderScreen(<BatchDetail number={7} />);
    const warned = (
      await screen.findByRole('link', { name: /^Voir la fiche : Ménage KOR-DIO-001-AK-0001/ })
    ).closest('li');
    if (!warned) throw new Error('no line');
    expect(warned).toHaveClass('sup-row-warning');
    expect(
      await within(warned).findByText('Âge du chef de ménage : vérifiez (45 ans).'),
    ).toBeInTheDocument();
    const clean = screen
      .getAllByRole('listitem')
      .find((li) => li !== warned && li.textContent.includes('version 2'));
    expect(clean).not.toHaveClass('sup-row-warning');
    // Only the record with warnings is read in full.
    expect(
      api.calls.filter((c) => c.path.startsWith('/api/review/records/')).map((c) => c.path),
    ).toEqual([`/api/review/records/${A}`]);
  });

  it('returns the whole batch for correction in one request, with the comment, after confirmation', async () => {
    const ui = userEvent.setup();
    let status = 'received';
    api.on('GET /api/review/batches/:n', () => ({
      body: { batch: batchRow(), records: [slim(A, 0, status), slim(B, 0, status)], rejected: [] },
    }));
    api.on('POST /api/review/decisions', (req) => {
      status = 'returned';
      const ids = (req.body as { recordIds: string[] }).recordIds;
      return {
        body: {
          results: ids.map((recordId) => ({
            recordId,
            reviewStatus: 'returned',
            taskId: `t-${recordId}`,
          })),
        },
      };
    });
    renderScreen(<BatchDetail number={7} />);
    await ui.click(
      await screen.findByRole('button', { name: 'Renvoyer la sélection pour correction (2)' }),
    );
    expect(screen.getByRole('alertdialog')).toHaveTextContent(
      'Renvoyer 2 fiches aux agents pour correction ?',
    );
    // No comment: nothing is sent.
    await ui.click(screen.getByRole('button', { name: 'Confirmer' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Écrivez ce qu’il faut corriger');
    expect(api.callsTo('POST', '/api/review/decisions')).toHaveLength(0);
    await ui.type(
      screen.getByLabelText('Commentaire pour l’agent (ce qu’il faut corriger)'),
      'Âge du chef à revoir',
    );
    await ui.click(screen.getByRole('button', { name: 'Confirmer' }));
    expect(await screen.findByText('2 fiches renvoyées pour correction.')).toBeInTheDocument();
    const [call] = api.callsTo('POST', '/api/review/decisions');
    expect(call?.body).toEqual({
      decision: 'return',
      comment: 'Âge du chef à revoir',
      recordIds: [A, B],
    });
    await waitFor(() => {
      expect(screen.getAllByText('Renvoyé pour correction')).toHaveLength(2);
    });
  });

  it('approves a selection of one record through the per-record route; cancel sends nothing', async () => {
    const ui = userEvent.setup();
    api.on('GET /api/review/batches/:n', {
      body: { batch: batchRow(), records: [slim(A, 0), slim(B, 0)], rejected: [] },
    });
    api.on('POST /api/review/records/:id/decision', (req) => ({
      body: { recordId: req.path.split('/')[4], reviewStatus: 'approved' },
    }));
    renderScreen(<BatchDetail number={7} />);
    await ui.click(await screen.findByLabelText(/^Sélectionner Ménage KOR-DIO-001-AK-0002/));
    await ui.click(screen.getByRole('button', { name: 'Approuver la sélection (1)' }));
    await ui.click(screen.getByRole('button', { name: 'Annuler' }));
    expect(api.calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    await ui.click(screen.getByRole('button', { name: 'Approuver la sélection (1)' }));
    await ui.click(screen.getByRole('button', { name: 'Confirmer' }));
    expect(await screen.findByText('1 fiche approuvée.')).toBeInTheDocument();
    const [call] = api.callsTo('POST', `/api/review/records/${A}/decision`);
    expect(call?.body).toEqual({ decision: 'approve' });
  });

  it('names a record from its content, as text', async () => {
    api.on('GET /api/review/batches/:n', {
      body: {
        batch: batchRow(),
        records: [{ ...slim(A, 0), data: recordDetail().record.data }],
        rejected: [],
      },
    });
    const { container } = renderScreen(<BatchDetail number={7} />);
    expect(
      await screen.findByText(`Ménage KOR-DIO-001-AK-0001 — ${HOSTILE_NAME} Guindo`),
    ).toBeInTheDocument();
    expect(screen.queryByText(/^Fiche 1/)).toBeNull();
    expect(container.querySelector('img')).toBeNull();
  });

  it('shows the server’s refusal of a bulk decision (all or nothing)', async () => {
    const ui = userEvent.setup();
    api.on('GET /api/review/batches/:n', {
      body: { batch: batchRow(), records: [slim(A, 0), slim(B, 0)], rejected: [] },
    });
    api.on('POST /api/review/decisions', {
      status: 409,
      body: { error: { code: 'invalid_state', message: 'Fiche supprimée.' } },
    });
    renderScreen(<BatchDetail number={7} />);
    await ui.click(await screen.findByRole('button', { name: 'Rejeter la sélection (2)' }));
    await ui.type(screen.getByLabelText('Motif du rejet'), 'Ménage hors programme');
    await ui.click(screen.getByRole('button', { name: 'Confirmer' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Action impossible : Fiche supprimée.',
    );
  });
});
