import {
  buildHimoMicroproject,
  buildHimoWorker,
  buildVillage,
  sampleId,
  sampleIds,
} from '@jigi/domain/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { JigiDb } from '../../storage/db';
import { saveDraft } from '../../storage/drafts';
import { finaliseRecord } from '../../storage/records';
import { freshDb } from '../../test-support/db';
import { renderAs, testUser } from '../../test-support/render';
import { newSheetRecord } from './himo-records';
import { SheetForm } from './sheet-form';

const user = testUser({ id: 'user-agent-bankass', role: 'field_agent' });
const SHEET = '55555555-5555-4555-8555-555555555555';
const workers = Array.from({ length: 10 }, (_, i) =>
  buildHimoWorker({
    id: sampleId(900 + i),
    householdId: sampleId(800 + i),
    householdCode: `BNK-00${i}`,
    name: `Travailleur ${i + 1}`,
    agentId: user.id,
  }),
);
let db: JigiDb;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await db.villages.put(buildVillage());
  await db.microprojects.put(buildHimoMicroproject({ dailyWageFcfa: 2500 }));
  for (const w of workers)
    await finaliseRecord({ record: w, agentId: user.id, now: '2026-03-01T08:00:00.000Z' });
  await db.outbox.clear();
  const record = {
    ...newSheetRecord({
      id: SHEET,
      agentId: user.id,
      deviceId: sampleIds.device,
      projectId: sampleIds.microproject,
      villageId: sampleIds.village,
      workers,
    }),
    date: '2026-03-10',
  };
  await saveDraft({
    record,
    agentId: user.id,
    position: { section: 'sheet' },
    now: '2026-03-10T08:00:00.000Z',
  });
});

describe('HIMO daily attendance sheet', () => {
  it('marks 10 workers at once, one half day, and computes days × wage', async () => {
    const ui = userEvent.setup();
    renderAs(<SheetForm id={SHEET} />, user);
    await ui.click(await screen.findByRole('button', { name: 'Tous présents' }));
    await ui.click(
      within(screen.getByRole('group', { name: 'Pointage de Travailleur 4' })).getByLabelText(
        'Demi-journée',
      ),
    );
    expect(screen.getByTestId('sheet-total')).toHaveTextContent(
      'Journées : 9,5 · Montant du jour : 23 750 FCFA',
    );
    expect(
      screen.getByText(/Présents : 9 · Demi-journées : 1 · Absents : 0 · Non pointés : 0/),
    ).toBeInTheDocument();
    await ui.click(screen.getByRole('button', { name: 'Finaliser' }));
    await waitFor(async () => {
      expect((await db.records.get(SHEET))?.syncStatus).toBe('finalised');
    });
    const lines = (await db.records.get(SHEET))?.record['lines'] as {
      id: string;
      status: string;
    }[];
    expect(lines).toHaveLength(10);
    expect(lines.filter((l) => l.status === 'half_day').map((l) => l.id)).toEqual([sampleId(903)]);
  });

  it('bulk marking absent and half day applies to every line', async () => {
    const ui = userEvent.setup();
    renderAs(<SheetForm id={SHEET} />, user);
    await ui.click(await screen.findByRole('button', { name: 'Tous en demi-journée' }));
    expect(screen.getByTestId('sheet-total')).toHaveTextContent(
      'Journées : 5 · Montant du jour : 12 500 FCFA',
    );
    await ui.click(screen.getByRole('button', { name: 'Tous absents' }));
    expect(screen.getByTestId('sheet-total')).toHaveTextContent(
      'Journées : 0 · Montant du jour : 0 FCFA',
    );
  });
});
