import { buildVillage, sampleIds } from '@jigi/domain/testing';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CiblageForm } from '../../features/ciblage/ciblage-form';
import { newCiblageRecord } from '../../features/ciblage/new-ciblage';
import type { JigiDb } from '../../storage/db';
import { saveDraft } from '../../storage/drafts';
import { freshDb } from '../../test-support/db';
import { renderAs, testUser } from '../../test-support/render';

const user = testUser({ id: sampleIds.agent });
const ID = '77777777-7777-4777-8777-777777777777';
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

describe('a full tablet', () => {
  it('shows a clear French message when an autosave hits QuotaExceededError — never a blank screen', async () => {
    const ui = userEvent.setup();
    renderAs(<CiblageForm id={ID} />, user);
    const code = await screen.findByLabelText('Code ménage');
    db.drafts.hook('updating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    db.drafts.hook('creating', () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await ui.type(code, 'X');
    expect(await screen.findByText(/La tablette est pleine/)).toBeInTheDocument();
    expect(screen.getByLabelText('Code ménage')).toHaveValue('X');
  });
});
