import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, pending, type FakeApi } from '../../test-support/fake-api';
import { renderScreen } from '../../test-support/render-console';
import { Dashboard } from './dashboard';

let api: FakeApi;
const sections = ['ciblage', 'ma', 'pnp', 'himo', 'sync'] as const;

function fill(overrides: Partial<Record<(typeof sections)[number], unknown>> = {}) {
  const data = {
    ciblage: {
      villages: [
        {
          villageId: 'v1',
          villageName: 'Dioungani (démo)',
          quota: 40,
          surveyed: 30,
          failedVisits: 2,
          failedByOutcome: { absent: 2 },
        },
        {
          villageId: 'v2',
          villageName: 'Madougou (démo)',
          quota: null,
          surveyed: 5,
          failedVisits: 0,
          failedByOutcome: {},
        },
      ],
    },
    ma: {
      sessions: [
        {
          recordId: 's1',
          villageName: 'Dioungani (démo)',
          date: '2026-03-14',
          sessionNo: 2,
          expected: 8,
          present: 6,
        },
      ],
      households: [
        {
          householdId: 'h1',
          householdCode: 'KOR-DIO-001',
          villageName: 'Dioungani (démo)',
          sessions: 3,
          present: 2,
        },
      ],
    },
    pnp: {
      villages: [
        {
          villageId: 'v1',
          villageName: 'Dioungani (démo)',
          red: 2,
          yellow: 5,
          green: 11,
          unmeasured: 1,
          referrals: 2,
          women: 4,
        },
      ],
    },
    himo: {
      microprojects: [
        {
          projectId: 'p1',
          name: 'Cordons pierreux de Ségué (démo)',
          workers: 10,
          daysWorked: 92.5,
          wagesDueFcfa: 185000,
        },
      ],
    },
    sync: {
      devices: [
        {
          deviceId: 'd1',
          label: 'Tablette enq.koro',
          userName: 'Enquêteur Koro',
          lastSyncAt: '2026-03-15T10:12:00.000Z',
          unsyncedReported: 3,
          rejections: 1,
          revoked: false,
        },
      ],
    },
    ...overrides,
  };
  for (const s of sections) api.on(`GET /api/dashboard/${s}`, { body: data[s] });
}

beforeEach(() => {
  api = fakeApi();
});

describe('dashboard', () => {
  it('loads each panel on its own: one loading, one failing, one empty, the others with data', async () => {
    fill();
    api.on('GET /api/dashboard/ma', () => pending());
    api.on('GET /api/dashboard/pnp', {
      status: 500,
      body: { error: { code: 'internal', message: 'Panne' } },
    });
    api.on('GET /api/dashboard/himo', { body: { microprojects: [] } });
    renderScreen(<Dashboard />, { path: '/dashboard' });
    const ma = screen.getByRole('region', { name: 'MA : taux de présence' });
    expect(within(ma).getByText('Chargement…')).toBeInTheDocument();
    const pnp = screen.getByRole('region', { name: 'PNP : inscriptions par couleur du PB' });
    expect(await within(pnp).findByRole('alert')).toHaveTextContent(
      'Erreur du serveur (500) : Panne',
    );
    const himo = screen.getByRole('region', { name: 'HIMO : jours travaillés et salaires dus' });
    expect(
      await within(himo).findByText('Pas encore de données pour ces filtres.'),
    ).toBeInTheDocument();
    const ciblage = screen.getByRole('region', { name: 'Ciblage : ménages enquêtés et quota' });
    expect(
      await within(ciblage).findByRole('table', { name: 'Ménages enquêtés par village' }),
    ).toBeInTheDocument();
  });

  it('puts the numbers of every chart in a table beside it, in fr-ML formats', async () => {
    fill();
    renderScreen(<Dashboard />, { path: '/dashboard?zone=mopti.koro&from=2026-03-01' });
    const ciblage = await screen.findByRole('table', { name: 'Ménages enquêtés par village' });
    const dio = within(ciblage).getByText('Dioungani (démo)').closest('tr') as HTMLElement;
    expect(within(dio).getByText('75 %')).toBeInTheDocument();
    const mad = within(ciblage).getByText('Madougou (démo)').closest('tr') as HTMLElement;
    expect(within(mad).getAllByText('—')).toHaveLength(2);
    expect(
      screen.getByRole('img', { name: 'Ciblage : ménages enquêtés et quota' }),
    ).toBeInTheDocument();

    const sessions = await screen.findByRole('table', { name: 'Présence par séance' });
    expect(within(sessions).getByText('Dioungani (démo) n° 2 (14/03/2026)')).toBeInTheDocument();
    expect(within(sessions).getByText('75 %')).toBeInTheDocument();
    const households = screen.getByRole('table', { name: 'Présence par ménage' });
    expect(within(households).getByText('67 %')).toBeInTheDocument();

    const pnp = await screen.findByRole('table', { name: 'Enfants inscrits par couleur du PB' });
    expect(
      within(pnp)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['Village', 'Rouge', 'Jaune', 'Vert', 'Non mesuré', 'Référés', 'Femmes inscrites']);
    expect(within(pnp).getByText('11')).toBeInTheDocument();

    const himo = await screen.findByRole('table', { name: 'Par microprojet' });
    expect(within(himo).getByText('92,5')).toBeInTheDocument();
    expect(within(himo).getByText('185 000 FCFA')).toBeInTheDocument();

    const sync = await screen.findByRole('table', { name: 'Par tablette' });
    expect(within(sync).getByText('15/03/2026 10:12')).toBeInTheDocument();
    expect(within(sync).getByText('Enquêteur Koro')).toBeInTheDocument();

    for (const s of sections) {
      const call = api.callsTo('GET', `/api/dashboard/${s}`)[0];
      expect(call?.query.get('zone')).toBe('mopti.koro');
      expect(call?.query.get('from')).toBe('2026-03-01');
    }
  });
});
