import { defaultProgramSettings } from '@jigi/domain';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, type FakeApi } from '../../test-support/fake-api';
import { admin, renderScreen } from '../../test-support/render-console';
import { SettingsScreen } from './settings-screen';

const current = {
  settings: defaultProgramSettings,
  version: 3,
  updatedAt: '2026-03-10T09:30:00.000Z',
  history: [
    {
      at: '2026-03-10T09:30:00.000Z',
      userName: 'Fatoumata Coulibaly',
      changes: [{ path: 'transferAmountFcfa', before: 12500, after: 15000 }],
    },
  ],
};

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  api.on('GET /api/admin/settings', { body: current });
});

describe('programme settings screen', () => {
  it('shows who changed what and when', async () => {
    renderScreen(<SettingsScreen />, { path: '/admin/settings', user: admin });
    const row = await screen.findByTestId('settings-history');
    expect(row).toHaveTextContent('10/03/2026 09:30');
    expect(row).toHaveTextContent('Fatoumata Coulibaly');
    expect(row).toHaveTextContent('Montant du transfert : 12 500 FCFA → 15 000 FCFA');
  });

  it('refuses thresholds out of order before sending, then saves valid ones', async () => {
    api.on('PUT /api/admin/settings', (req) => ({
      body: { ...current, settings: req.body, version: 4 },
    }));
    renderScreen(<SettingsScreen />, { path: '/admin/settings', user: admin });
    const red = await screen.findByLabelText('Enfant : rouge (malnutrition sévère) en dessous de');
    await userEvent.clear(red);
    await userEvent.type(red, '130');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Le seuil rouge doit être inférieur au seuil jaune.',
    );
    expect(screen.getByRole('button', { name: 'Enregistrer' })).toBeDisabled();
    await userEvent.clear(red);
    await userEvent.type(red, '110');
    const wage = screen.getByLabelText('Salaire journalier HIMO par défaut (FCFA)');
    await userEvent.clear(wage);
    await userEvent.type(wage, '2500');
    await userEvent.click(screen.getByRole('button', { name: 'Enregistrer' }));
    expect(await screen.findByText(/Paramètres enregistrés/)).toBeInTheDocument();
    expect(api.callsTo('PUT', '/api/admin/settings')[0]?.body).toMatchObject({
      muac: { childRedBelowMm: 110, childYellowBelowMm: 125, womanBelowMm: 230 },
      himoDefaultDailyWageFcfa: 2500,
      transferAmountFcfa: 15000,
    });
  });
});
