import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, type FakeApi } from '../../test-support/fake-api';
import { renderScreen } from '../../test-support/render-console';
import { CiblagePanel } from './ciblage-panel';

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
});

describe('ciblage panel', () => {
  it('shows failed visits apart from surveyed households, with their outcomes', async () => {
    api.on('GET /api/dashboard/ciblage', {
      body: {
        villages: [
          {
            villageId: 'v1',
            villageName: 'Dioungani (démo)',
            quota: 40,
            surveyed: 30,
            failedVisits: 3,
            failedByOutcome: { absent: 2, refus: 1, demenage: 0 },
          },
        ],
      },
    });
    renderScreen(<CiblagePanel query={{ zone: 'mopti.koro' }} queryKey="k" />);
    const table = await screen.findByRole('table', { name: 'Ménages enquêtés par village' });
    expect(
      within(table).getByRole('columnheader', { name: 'Visites sans entretien' }),
    ).toBeInTheDocument();
    const row = within(table).getByText('Dioungani (démo)').closest('tr') as HTMLElement;
    expect(within(row).getByText('30')).toBeInTheDocument();
    expect(within(row).getByText('3')).toBeInTheDocument();
    expect(within(row).getByText('Ménage absent : 2 · Refus : 1')).toBeInTheDocument();
    // Surveyed against the quota counts interviews only: 30 of 40.
    expect(within(row).getByText('75 %')).toBeInTheDocument();
  });
});
