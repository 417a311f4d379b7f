import { sampleId } from '@jigi/domain/testing';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeApi, pending, type FakeApi } from '../../test-support/fake-api';
import { renderScreen } from '../../test-support/render-console';
import { ciblageData, recordDetail } from '../../test-support/samples';
import { DuplicateList } from './duplicate-list';

const A = sampleId(100);
const B = sampleId(120);
const candidate = {
  villageId: 'village-koro-demo-1',
  headNameKey: 'amadou guindo',
  reasons: ['phone'],
  recordIds: [A, B],
};

let api: FakeApi;
beforeEach(() => {
  api = fakeApi();
  api.on('GET /api/review/records/:id', (req) => {
    const id = req.path.split('/').at(-1) ?? '';
    const base = recordDetail();
    const data =
      id === A
        ? ciblageData()
        : ciblageData({ id: B, householdCode: 'KOR-DIO-001-AK-0099', interviewDate: '2026-03-15' });
    return { body: { ...base, record: { ...base.record, id, data } } };
  });
});

describe('duplicates', () => {
  it('loading, empty and error states', async () => {
    api.on('GET /api/review/duplicates', () => pending());
    const a = renderScreen(<DuplicateList />, { path: '/duplicates' });
    expect(await screen.findByText('Chargement…')).toBeInTheDocument();
    a.unmount();
    api.on('GET /api/review/duplicates', { body: { candidates: [] } });
    const b = renderScreen(<DuplicateList />, { path: '/duplicates' });
    expect(await screen.findByText('Aucun doublon probable.')).toBeInTheDocument();
    b.unmount();
    api.on('GET /api/review/duplicates', {
      status: 403,
      body: { error: { code: 'forbidden_role', message: 'x' } },
    });
    renderScreen(<DuplicateList />, { path: '/duplicates' });
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Accès refusé : cette donnée est hors de vos zones.',
    );
  });

  it('names the pair once with all its reasons, links each record by what it opens, and lets the keyboard reach the wide table', async () => {
    const ui = userEvent.setup();
    api.on('GET /api/review/duplicates', {
      body: { candidates: [{ ...candidate, reasons: ['phone', 'nina'] }] },
    });
    renderScreen(<DuplicateList />, { path: '/duplicates' });
    expect(await screen.findByText('1 doublon probable')).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { name: /^Ménages semblables/ })).toHaveLength(1);
    const open = await screen.findByRole('link', { name: 'Ouvrir la fiche A' });
    expect(open).toHaveClass('btn');
    expect(screen.getByRole('link', { name: 'Ouvrir la fiche B' })).toHaveClass('btn');
    const region = screen.getByRole('region', {
      name: 'Tableau « Comparaison des fiches, champ par champ »',
    });
    // In the tab order (after the screen's filters), so the keyboard reaches the table to scroll it.
    expect(region).toHaveAttribute('tabindex', '0');
    for (let i = 0; i < 15 && document.activeElement !== region; i++) await ui.tab();
    expect(region).toHaveFocus();
  });

  it('shows candidates side by side with the differences marked', async () => {
    api.on('GET /api/review/duplicates', { body: { candidates: [candidate] } });
    renderScreen(<DuplicateList />, { path: '/duplicates' });
    expect(await screen.findByText('1 doublon probable')).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { name: 'Ménages semblables (même téléphone)' }),
    ).toBeInTheDocument();
    const code = (await screen.findByRole('rowheader', { name: 'Code ménage' })).closest(
      'tr',
    ) as HTMLElement;
    expect(code).toHaveClass('sup-row-diff');
    expect(within(code).getByText('KOR-DIO-001-AK-0001')).toBeInTheDocument();
    expect(within(code).getByText('KOR-DIO-001-AK-0099')).toBeInTheDocument();
    const phone = screen.getByRole('rowheader', { name: 'Téléphone' }).closest('tr') as HTMLElement;
    expect(phone).not.toHaveClass('sup-row-diff');
    expect(within(phone).getAllByText('+22376123456')).toHaveLength(2);
  });

  it('keeps both after confirmation; merging names the kept record; a refusal is shown', async () => {
    const ui = userEvent.setup();
    let list = [candidate];
    api.on('GET /api/review/duplicates', () => ({ body: { candidates: list } }));
    api.on('POST /api/review/duplicates/resolve', () => {
      list = [];
      return { body: { action: 'keep_both', recordIds: [A, B] } };
    });
    const first = renderScreen(<DuplicateList />, { path: '/duplicates' });
    await ui.click(await screen.findByRole('button', { name: 'Garder les deux' }));
    await ui.click(screen.getByRole('button', { name: 'Confirmer' }));
    expect(await screen.findByText('Les deux fiches sont gardées.')).toBeInTheDocument();
    expect(api.callsTo('POST', '/api/review/duplicates/resolve')[0]?.body).toEqual({
      recordIds: [A, B],
      action: 'keep_both',
    });
    first.unmount();
    list = [candidate];
    api.on('POST /api/review/duplicates/resolve', {
      status: 404,
      body: { error: { code: 'not_found', message: 'x' } },
    });
    renderScreen(<DuplicateList />, { path: '/duplicates' });
    await ui.click(await screen.findByRole('button', { name: 'Garder la fiche B (fusionner)' }));
    expect(screen.getByRole('alertdialog')).toHaveTextContent('les deux historiques sont gardés');
    await ui.click(screen.getByRole('button', { name: 'Confirmer' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Introuvable');
    expect(api.callsTo('POST', '/api/review/duplicates/resolve')[1]?.body).toEqual({
      recordIds: [A, B],
      action: 'merge',
      keepRecordId: B,
    });
  });
});
