import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, type FakeApi } from '../../test-support/fake-api';
import { renderScreen } from '../../test-support/render-console';
import { HouseholdFileView } from './household-file';

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
});

describe('household file', () => {
  it('shows a household’s survey, score, assembly decision, enrolment and the other modules on one page', async () => {
    api.on('GET /api/targeting/records/r1/household', {
      body: {
        survey: {
          recordId: 'r1',
          villageId: 'village-koro-demo-1',
          householdCode: 'KOR-1',
          reviewStatus: 'approved',
          version: 2,
          interviewDate: '2026-03-14',
          answers: {},
        },
        scores: [
          {
            formulaVersion: 'demo-1',
            recordVersion: 2,
            outcome: 'scored',
            score: 10.256,
            computedAt: 't',
            inForce: true,
          },
        ],
        assemblies: [
          {
            recordId: 'a1',
            reviewStatus: 'approved',
            date: '2026-03-20',
            listStatus: 'selected',
            decision: 'retenu',
            contestReason: '',
          },
        ],
        enrolment: {
          state: 'enrolled',
          titulaire: { name: 'Fatoumata Ongoïba' },
          enrolledOn: '2026-03-21',
          plannedEnd: '2029-03-21',
        },
        events: [{ action: 'enrol', userId: 'user-sup-koro', at: 't' }],
        ma: [
          { recordId: 'm1', date: '2026-04-01', status: 'present' },
          { recordId: 'm2', date: '2026-05-01', status: 'absent' },
        ],
        himo: [],
        pnp: [{ recordId: 'p1', visitDate: '2026-04-10' }],
      },
    });
    renderScreen(<HouseholdFileView recordId="r1" />, { path: '/households/r1' });
    expect(
      await screen.findByText('Ménage KOR-1 · entretien du 14/03/2026 · approuvée'),
    ).toBeInTheDocument();
    expect(screen.getByText('Formule demo-1 : 10,26 · en vigueur')).toBeInTheDocument();
    expect(screen.getByText('Assemblée du 20/03/2026 : retenu')).toBeInTheDocument();
    expect(
      screen.getByText('Inscrit · titulaire Fatoumata Ongoïba · du 21/03/2026 au 21/03/2029'),
    ).toBeInTheDocument();
    expect(screen.getByText('2 séances enregistrées, présent à 1')).toBeInTheDocument();
    expect(screen.getByText('0 travailleur inscrit sur un chantier')).toBeInTheDocument();
    expect(screen.getByText('1 visite PNP')).toBeInTheDocument();
  });
});
