import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeApi, type FakeApi } from '../../test-support/fake-api';
import { admin, renderScreen } from '../../test-support/render-console';
import { ImportPanel } from './import-panel';

const token = 'a'.repeat(64);
const sample = [
  { line: 2, values: { name: 'Kani', commune: 'Bamba, Koro, Mopti', pnp: 'oui', quota: '12' } },
];
const columns = ['name', 'commune', 'pnp', 'quota'];
const badPreview = {
  kind: 'villages',
  token: 'b'.repeat(64),
  lines: 2,
  creates: 1,
  updates: 0,
  sample,
  columns,
  errors: [
    {
      line: 3,
      column: 'commune',
      message: 'commune « Nulle-Part » introuvable dans la liste administrative du Mali',
    },
  ],
  moreErrors: 0,
};
const goodPreview = { ...badPreview, token, lines: 1, errors: [] };

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
});
const csv = (text: string) => new File([text], 'villages.csv', { type: 'text/csv' });

describe('village import panel', () => {
  it('shows the bad line, offers no import, then imports the corrected file with its preview token', async () => {
    const onImported = vi.fn();
    api.on('POST /api/admin/villages/import/preview', (req) => ({
      body: (req.bytes?.size ?? 0) < 30 ? goodPreview : badPreview,
    }));
    api.on('POST /api/admin/villages/import', {
      body: { kind: 'villages', imported: 1, creates: 1, updates: 0 },
    });
    renderScreen(<ImportPanel kind="villages" onImported={onImported} />, {
      path: '/admin/villages',
      user: admin,
    });
    const input = screen.getByLabelText('Choisir le fichier (.csv ou .xlsx)');
    await userEvent.upload(input, csv('Nom;Commune\nKani;Bamba\nX;Nulle-Part\n'));
    const error = await screen.findByTestId('import-error');
    expect(error).toHaveTextContent('Ligne 3');
    expect(error).toHaveTextContent('commune « Nulle-Part » introuvable');
    expect(screen.getByRole('alert')).toHaveTextContent(
      '1 erreur dans ce fichier de 2 lignes : rien ne sera importé',
    );
    expect(screen.queryByRole('button', { name: /Importer/ })).toBeNull();
    // The good line as it will be saved, its commune by name.
    expect(
      screen.getByRole('table', { name: 'Aperçu des lignes qui seront importées' }),
    ).toHaveTextContent('Bamba, Koro, Mopti');
    expect(api.callsTo('POST', '/api/admin/villages/import')).toHaveLength(0);

    await userEvent.upload(input, csv('Nom;Commune\nKani;Bamba'));
    await userEvent.click(await screen.findByRole('button', { name: 'Importer 1 ligne' }));
    expect(
      await screen.findByText('1 ligne importée (1 créée, 0 mise à jour).'),
    ).toBeInTheDocument();
    const [sent] = api.callsTo('POST', '/api/admin/villages/import');
    expect(sent?.query.get('token')).toBe(token);
    expect(sent?.bytes?.size).toBe(22);
    expect(onImported).toHaveBeenCalledOnce();
  });

  it('says so when the server refuses the file as changed since the preview', async () => {
    api.on('POST /api/admin/villages/import/preview', { body: goodPreview });
    api.on('POST /api/admin/villages/import', {
      status: 409,
      body: {
        error: {
          code: 'import_preview_mismatch',
          message:
            'Le fichier a changé depuis l’aperçu : refaites l’aperçu avant d’importer. Rien n’a été importé.',
        },
      },
    });
    renderScreen(<ImportPanel kind="villages" onImported={() => undefined} />, {
      path: '/admin/villages',
      user: admin,
    });
    await userEvent.upload(
      screen.getByLabelText('Choisir le fichier (.csv ou .xlsx)'),
      csv('Nom;Commune\nKani;Bamba'),
    );
    await userEvent.click(await screen.findByRole('button', { name: 'Importer 1 ligne' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('refaites l’aperçu');
  });
});
