import { buildVillage, sampleIds } from '@jigi/domain/testing';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { CiblageForm } from '../../features/ciblage/ciblage-form';
import { newCiblageRecord } from '../../features/ciblage/new-ciblage';
import { saveDraft } from '../../storage/drafts';
import { freshDb } from '../../test-support/db';
import { renderAs, testUser } from '../../test-support/render';

const user = testUser({ id: sampleIds.agent });
const ID = '11111111-1111-4111-8111-111111111111';
const ID_NO = 'Numéro de pièce du chef de ménage';
const required = /Numéro de pièce du chef de ménage : obligatoire/;

async function open(extra: Record<string, unknown> = {}) {
  await saveDraft({
    record: {
      ...newCiblageRecord({ id: ID, agentId: user.id, deviceId: sampleIds.device }),
      ...extra,
    },
    agentId: user.id,
    position: { section: 'identification' },
    now: '2026-03-15T09:00:00.000Z',
  });
  renderAs(<CiblageForm id={ID} />, user);
  return screen.findByLabelText(ID_NO);
}

beforeEach(async () => {
  const db = freshDb();
  await db.open();
  await db.villages.put(buildVillage());
});

describe('a field shows no error before it is touched or its section is left', () => {
  it('an untouched field stays quiet; once left, its error shows', async () => {
    const ui = userEvent.setup();
    const idNo = await open();
    await ui.selectOptions(screen.getByLabelText('Type de pièce du chef de ménage'), 'nina');
    // The rule already holds (a NINA type needs its number) but the number was not touched yet.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByText(required)).not.toBeInTheDocument();
    expect(idNo).toHaveAttribute('aria-invalid', 'false');
    await ui.click(idNo);
    await ui.tab();
    expect(await screen.findByText(required)).toBeInTheDocument();
    expect(idNo).toHaveAttribute('aria-invalid', 'true');
  });

  it('leaving the section shows the errors of all its fields', async () => {
    const ui = userEvent.setup();
    await open();
    await ui.selectOptions(screen.getByLabelText('Type de pièce du chef de ménage'), 'nina');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(screen.queryByText(required)).not.toBeInTheDocument();
    await ui.click(screen.getByRole('button', { name: 'Visite' }));
    await ui.click(screen.getByRole('button', { name: 'Identification' }));
    expect(await screen.findByText(required)).toBeInTheDocument();
  });

  it('a draft reopened shows the errors of what was answered before', async () => {
    await open({ headIdType: 'nina', headIdNo: '123' });
    await waitFor(() => {
      expect(screen.getByText(/un NINA a 14 chiffres suivis d’une lettre/)).toBeInTheDocument();
    });
  });
});
