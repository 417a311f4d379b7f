import { buildPnpChild, buildPnpEnrolment, sampleId, sampleIds } from '@jigi/domain/testing';
import type { JsonObject } from '@jigi/sync';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, pending, type FakeApi } from '../../test-support/fake-api';
import { renderScreen } from '../../test-support/render-console';
import { HOSTILE_NAME, recordDetail } from '../../test-support/samples';
import { RecordView } from './record-view';

const ID = sampleIds.household;
let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
});

describe('record view', () => {
  it('loading, then a French message for a record out of zone (404)', async () => {
    api.on('GET /api/review/records/:id', () => pending());
    const { unmount } = renderScreen(<RecordView id={ID} />);
    expect(await screen.findByText('Chargement…')).toBeInTheDocument();
    unmount();
    api.on('GET /api/review/records/:id', {
      status: 404,
      body: { error: { code: 'not_found', message: 'x' } },
    });
    renderScreen(<RecordView id="gao-record" />);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Introuvable (ou hors de vos zones).',
    );
  });

  it('shows the fields in the form’s sections with the domain’s French labels and formats', async () => {
    api.on('GET /api/review/records/:id', { body: recordDetail() });
    renderScreen(<RecordView id={ID} />);
    const identification = await screen.findByRole('region', { name: 'Identification' });
    expect(within(identification).getByText('Code ménage')).toBeInTheDocument();
    expect(within(identification).getByText('KOR-DIO-001-AK-0001')).toBeInTheDocument();
    expect(within(identification).getByText('14/03/2026')).toBeInTheDocument();
    expect(within(identification).getByText('Résident')).toBeInTheDocument();
    const envelope = screen.getByRole('region', { name: 'Fiche' });
    expect(within(envelope).getByText('Dioungani (démo)')).toBeInTheDocument();
    const consent = screen.getByRole('region', { name: 'Consentement et résultat' });
    expect(within(consent).getByText('Consentement › Consentement donné')).toBeInTheDocument();
    expect(within(consent).getByText('Oui')).toBeInTheDocument();
    // A reference to a roster line reads as that member, never as an id.
    const roster = screen.getByRole('region', { name: 'Liste des membres' });
    expect(within(roster).getByText(`n° 1 — ${HOSTILE_NAME} Guindo`)).toBeInTheDocument();
    // A section holding one object does not repeat the object's name.
    const dwelling = screen.getByRole('region', { name: 'Logement' });
    expect(within(dwelling).getByText('Nombre de pièces')).toBeInTheDocument();
  });

  it('shows the roster as a table, the warning highlighted on its line, and a hostile name as text', async () => {
    api.on('GET /api/review/records/:id', { body: recordDetail() });
    const { container } = renderScreen(<RecordView id={ID} />);
    const roster = await screen.findByRole('table', { name: 'Liste des membres' });
    expect(within(roster).getByRole('columnheader', { name: 'Prénom' })).toBeInTheDocument();
    expect(
      within(roster).getByRole('columnheader', { name: 'Lien avec le chef de ménage' }),
    ).toBeInTheDocument();
    const head = within(roster).getByText(HOSTILE_NAME).closest('tr');
    expect(head).toHaveClass('sup-row-warning');
    expect(within(head as HTMLElement).getByText('Chef de ménage')).toBeInTheDocument();
    expect(within(head as HTMLElement).getByText('Masculin')).toBeInTheDocument();
    expect(
      screen.getAllByText('Âge du chef de ménage : vérifiez (45 ans).').length,
    ).toBeGreaterThan(0);
    expect(container.querySelector('img')).toBeNull();
    expect(
      screen.getByRole('heading', {
        level: 2,
        name: `Ménage KOR-DIO-001-AK-0001 — ${HOSTILE_NAME} Guindo`,
      }),
    ).toBeInTheDocument();
  });

  it('lists every version with who and when, and the diff between two versions', async () => {
    const ui = userEvent.setup();
    api.on('GET /api/review/records/:id', { body: recordDetail() });
    renderScreen(<RecordView id={ID} />);
    const versions = await screen.findByRole('table', { name: 'Versions de la fiche' });
    const rows = within(versions).getAllByRole('row');
    expect(rows).toHaveLength(3);
    expect(within(rows[1] as HTMLElement).getByText('Création')).toBeInTheDocument();
    expect(within(rows[2] as HTMLElement).getByText('Modification')).toBeInTheDocument();
    expect(within(rows[2] as HTMLElement).getByText('user-enq-koro')).toBeInTheDocument();
    expect(within(rows[2] as HTMLElement).getByText('Tablette Koro 1')).toBeInTheDocument();
    expect(within(rows[2] as HTMLElement).getByText('15/03/2026 10:12')).toBeInTheDocument();
    expect(within(rows[2] as HTMLElement).getByText('15/03/2026 10:05')).toBeInTheDocument();
    const diff = screen.getByRole('table', {
      name: 'Différences entre la version 1 et la version 2',
    });
    const nameRow = within(diff)
      .getByRole('rowheader', { name: 'Liste des membres › n° 1 › Prénom' })
      .closest('tr') as HTMLElement;
    expect(within(nameRow).getByText('Amadou')).toBeInTheDocument();
    expect(within(nameRow).getByText(HOSTILE_NAME)).toBeInTheDocument();
    // The removed child shows its old values and « (vide) » after.
    expect(within(diff).getAllByText('Aïssata').length).toBe(1);
    // Comparing a version with itself: no difference.
    await ui.selectOptions(screen.getByLabelText('Version de départ'), '2');
    expect(screen.getByText('Aucune différence entre ces deux versions.')).toBeInTheDocument();
  });

  it('returns the record with a comment, then shows the new status and the decision', async () => {
    const ui = userEvent.setup();
    let detail = recordDetail();
    api.on('GET /api/review/records/:id', () => ({ body: detail }));
    api.on('POST /api/review/records/:id/decision', (req) => {
      const body = req.body as { comment: string };
      detail = {
        ...detail,
        record: { ...detail.record, reviewStatus: 'returned' },
        decisions: [
          {
            version: 2,
            decision: 'return',
            comment: body.comment,
            userId: 'user-sup-koro',
            userName: 'Superviseur Koro',
            at: '2026-03-15T11:00:00.000Z',
          },
        ],
      };
      return { body: { recordId: ID, reviewStatus: 'returned', taskId: 't1' } };
    });
    renderScreen(<RecordView id={ID} />);
    expect(await screen.findByText('Aucune décision pour l’instant.')).toBeInTheDocument();
    await ui.click(screen.getByRole('button', { name: 'Renvoyer pour correction' }));
    await ui.type(
      screen.getByLabelText('Commentaire pour l’agent (ce qu’il faut corriger)'),
      'Vérifier le prénom du chef',
    );
    await ui.click(screen.getByRole('button', { name: 'Confirmer' }));
    expect(await screen.findByText('1 fiche renvoyée pour correction.')).toBeInTheDocument();
    expect(api.callsTo('POST', `/api/review/records/${ID}/decision`)[0]?.body).toEqual({
      decision: 'return',
      comment: 'Vérifier le prénom du chef',
    });
    expect(await screen.findByText('« Vérifier le prénom du chef »')).toBeInTheDocument();
    expect(screen.getAllByText('Renvoyé pour correction').length).toBeGreaterThan(0);
  });

  it('shows a PNP child’s age in months and MUAC colour, derived the domain’s way; the mother by name', async () => {
    const pnp = JSON.parse(
      JSON.stringify(
        buildPnpEnrolment({
          children: [
            buildPnpChild({ dob: '2023-09-10', muacMm: 112, referredTo: 'urenas' }),
            buildPnpChild({ id: sampleId(302), name: 'Issa Guindo', muacMm: 120 }),
          ],
        }),
      ),
    ) as JsonObject;
    const base = recordDetail();
    api.on('GET /api/review/records/:id', {
      body: {
        ...base,
        record: { ...base.record, type: 'pnp_enrolment', data: pnp, warnings: [] },
        versions: [],
      },
    });
    renderScreen(<RecordView id={ID} />);
    const children = await screen.findByRole('table', { name: 'Enfants' });
    const first = within(children).getByText('Hawa Guindo').closest('tr') as HTMLElement;
    expect(within(first).getByText('30')).toBeInTheDocument();
    expect(within(first).getByText('Rouge')).toHaveClass('muac-red');
    expect(within(first).getByText('URENAS')).toBeInTheDocument();
    expect(within(first).getByText('Fatoumata Ongoïba')).toBeInTheDocument();
    const second = within(children).getByText('Issa Guindo').closest('tr') as HTMLElement;
    expect(within(second).getByText('Jaune')).toBeInTheDocument();
    expect(
      within(children).getByRole('columnheader', { name: 'Couleur du PB' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 2, name: 'Inscription PNP — Fatoumata Ongoïba' }),
    ).toBeInTheDocument();
  });
});
