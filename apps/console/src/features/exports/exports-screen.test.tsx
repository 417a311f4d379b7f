import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, type FakeApi } from '../../test-support/fake-api';
import { renderScreen } from '../../test-support/render-console';
import { ExportsScreen } from './exports-screen';

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
});

describe('exports', () => {
  it('offers CSV and XLSX per record type and each child table as CSV, with the current filters in the links', () => {
    renderScreen(<ExportsScreen save={vi.fn()} />, {
      path: '/exports?zone=mopti.koro&status=approved&from=2026-03-01&to=2026-03-31&userId=u1',
    });
    const csv = screen.getByRole('link', { name: 'Télécharger Ciblage (ménage) en CSV' });
    const url = new URL(csv.getAttribute('href') ?? '', 'http://x');
    expect(url.pathname).toBe('/api/exports/records.csv');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      type: 'ciblage_household',
      zone: 'mopti.koro',
      status: 'approved',
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(
      screen
        .getByRole('link', { name: 'Télécharger Ciblage (ménage) en XLSX' })
        .getAttribute('href'),
    ).toContain('/api/exports/records.xlsx?type=ciblage_household');
    const members = screen.getByRole('link', {
      name: 'Télécharger Ciblage (ménage) : liste des membres (une ligne par membre) en CSV',
    });
    expect(members.getAttribute('href')).toContain('table=members');
    expect(screen.queryByRole('link', { name: /liste des membres.* en XLSX/ })).toBeNull();
    expect(
      screen.getByRole('link', { name: 'Télécharger Paiement HIMO en XLSX' }),
    ).toBeInTheDocument();
  });

  it('downloads with the session cookie and the server’s file name', async () => {
    api.on('GET /api/exports/records.csv', {
      raw: 'id;villageId\n1;v1\n',
      headers: {
        'content-type': 'text/csv',
        'content-disposition': 'attachment; filename="ma_session-attendance.csv"',
      },
    });
    const save = vi.fn();
    renderScreen(<ExportsScreen save={save} />, { path: '/exports?zone=mopti.koro' });
    await userEvent.click(
      screen.getByRole('link', {
        name: 'Télécharger Séance MA : présences (une ligne par ménage) en CSV',
      }),
    );
    expect(
      await screen.findByText('Fichier téléchargé : ma_session-attendance.csv'),
    ).toBeInTheDocument();
    const [call] = api.calls;
    expect(call?.credentials).toBe('same-origin');
    expect(call?.query.get('table')).toBe('attendance');
    expect(call?.query.get('zone')).toBe('mopti.koro');
    const [blob, name] = save.mock.calls[0] as [Blob, string];
    expect(name).toBe('ma_session-attendance.csv');
    expect(await blob.text()).toBe('id;villageId\n1;v1\n');
  });

  it('shows the server’s refusal in French and saves nothing', async () => {
    api.on('GET /api/exports/records.xlsx', {
      status: 400,
      body: { error: { code: 'invalid_query', message: 'Champ « zone » : inconnu.' } },
    });
    const save = vi.fn();
    renderScreen(<ExportsScreen save={save} />, { path: '/exports' });
    await userEvent.click(
      screen.getByRole('link', { name: 'Télécharger Inscription PNP en XLSX' }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Erreur du serveur (400) : Champ « zone » : inconnu.',
    );
    expect(save).not.toHaveBeenCalled();
  });
});
