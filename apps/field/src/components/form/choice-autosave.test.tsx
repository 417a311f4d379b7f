import { buildVillage, sampleIds } from '@jigi/domain/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CiblageForm } from '../../features/ciblage/ciblage-form';
import { newCiblageRecord } from '../../features/ciblage/new-ciblage';
import type { JigiDb } from '../../storage/db';
import { saveDraft } from '../../storage/drafts';
import { freshDb } from '../../test-support/db';
import { renderAs, testUser } from '../../test-support/render';
import { AUTOSAVE_AFTER_MS, autosavePause } from './use-record-form';

const user = testUser({ id: sampleIds.agent });
const ID = '11111111-1111-4111-8111-111111111111';
let db: JigiDb;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await db.villages.put(buildVillage());
  await saveDraft({
    record: newCiblageRecord({ id: ID, agentId: user.id, deviceId: sampleIds.device }),
    agentId: user.id,
    position: { section: 'identification' },
    now: '2026-03-15T09:00:00.000Z',
  });
});

const stored = async (name: string) => (await db.drafts.get(ID))?.record[name];

// A reload kills the page without unmounting anything: what a choice left in memory is lost. The
// draft in IndexedDB must hold the choice well before the typing pause would have written it.
describe('a choice is stored at once', () => {
  // No typing pause can elapse during these tests: whatever is stored was written by the choice.
  beforeEach(() => {
    autosavePause.ms = 600_000;
  });
  afterEach(() => {
    autosavePause.ms = AUTOSAVE_AFTER_MS;
  });
  it('a pick in a dropdown is in the stored draft before the typing pause, the focus still on it', async () => {
    const ui = userEvent.setup();
    renderAs(<CiblageForm id={ID} />, user);
    const select = await screen.findByLabelText('Type de pièce du chef de ménage');
    await ui.selectOptions(select, 'aucune');
    expect(select).toHaveFocus();
    await waitFor(
      async () => {
        expect(await stored('headIdType')).toBe('aucune');
      },
      { interval: 10, timeout: 10_000 },
    );
  });

  it('a tap on a radio button is in the stored draft before the typing pause', async () => {
    const ui = userEvent.setup();
    renderAs(<CiblageForm id={ID} />, user);
    await ui.click(await screen.findByRole('button', { name: 'Visite' }));
    const outcome = await screen.findByRole('group', { name: 'Résultat de la visite' });
    await ui.click(within(outcome).getByLabelText('Ménage absent'));
    await waitFor(
      async () => {
        expect(await stored('result')).toBe('absent');
      },
      { interval: 10, timeout: 10_000 },
    );
  });
});
