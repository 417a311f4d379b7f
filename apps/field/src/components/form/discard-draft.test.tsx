import { buildVillage, sampleIds } from '@jigi/domain/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CiblageForm } from '../../features/ciblage/ciblage-form';
import { newCiblageRecord } from '../../features/ciblage/new-ciblage';
import type { JigiDb } from '../../storage/db';
import { saveDraft } from '../../storage/drafts';
import { freshDb } from '../../test-support/db';
import { renderAs, testUser } from '../../test-support/render';
import { UndoToast } from '../undo-toast';
import { CONFIRM_ARMS_AFTER_MS } from './discard-draft';

const user = testUser({ id: sampleIds.agent });
const ID = '11111111-1111-4111-8111-111111111111';
const record = {
  ...newCiblageRecord({ id: ID, agentId: user.id, deviceId: sampleIds.device }),
  householdCode: 'KOR-DIO-001-AK-0042',
};
let db: JigiDb;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await db.villages.put(buildVillage());
  await saveDraft({
    record,
    agentId: user.id,
    position: { section: 'summary' },
    now: '2026-03-15T09:00:00.000Z',
  });
});

// The form and the toast of the list it leads back to, as the app shows them one after the other.
function renderForm() {
  return renderAs(
    <>
      <CiblageForm id={ID} />
      <UndoToast />
    </>,
    user,
  );
}

describe('deleting a draft', () => {
  it('cannot happen by a double tap: the tapped place becomes « Garder », the confirmation arms later', async () => {
    const ui = userEvent.setup();
    renderForm();
    const first = await screen.findByRole('button', { name: 'Supprimer le brouillon' });
    await ui.click(first);
    const panel = screen.getByRole('group', { name: 'Supprimer ce brouillon ?' });
    const [inPlace, confirm] = within(panel).getAllByRole('button');
    expect(inPlace).toHaveTextContent('Garder le brouillon');
    expect(confirm).toHaveTextContent('Confirmer : supprimer le brouillon');
    // The second tap of a double tap, on the confirmation right away: nothing is deleted.
    expect(confirm).toBeDisabled();
    if (confirm) await ui.click(confirm);
    expect(await db.drafts.get(ID)).toBeDefined();
    // A second tap where the first was keeps the draft.
    if (inPlace) await ui.click(inPlace);
    expect(screen.getByRole('button', { name: 'Supprimer le brouillon' })).toBeInTheDocument();
    expect(await db.drafts.get(ID)).toBeDefined();
  });

  it('can be undone for a few seconds: « Annuler » saves the draft again as it was', async () => {
    const ui = userEvent.setup();
    renderForm();
    await ui.click(await screen.findByRole('button', { name: 'Supprimer le brouillon' }));
    const confirm = screen.getByRole('button', { name: 'Confirmer : supprimer le brouillon' });
    await waitFor(
      () => {
        expect(confirm).toBeEnabled();
      },
      { timeout: CONFIRM_ARMS_AFTER_MS * 3 },
    );
    await ui.click(confirm);
    await waitFor(async () => {
      expect(await db.drafts.get(ID)).toBeUndefined();
    });
    const toast = await screen.findByText('Brouillon supprimé.');
    await ui.click(
      within(toast.parentElement ?? document.body).getByRole('button', { name: 'Annuler' }),
    );
    await waitFor(async () => {
      const back = await db.drafts.get(ID);
      expect(back?.record).toEqual(record);
      expect(back?.position).toEqual({ section: 'summary' });
    });
    expect(screen.queryByText('Brouillon supprimé.')).not.toBeInTheDocument();
  });
});
