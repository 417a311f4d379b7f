import { buildPnpChild, buildPnpEnrolment, buildVillage, sampleIds } from '@jigi/domain/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { JigiDb } from '../../storage/db';
import { saveDraft } from '../../storage/drafts';
import { freshDb } from '../../test-support/db';
import { renderAs, testUser } from '../../test-support/render';
import { PnpForm } from './pnp-form';

const user = testUser({ id: 'user-agent-bankass', role: 'field_agent' });
const ID = '44444444-4444-4444-8444-444444444444';
const MUAC = 'PB — périmètre brachial (mm)';
let db: JigiDb;

async function seed(children: ReturnType<typeof buildPnpChild>[], itemId?: string) {
  await saveDraft({
    record: buildPnpEnrolment({ id: ID, visitDate: '2026-03-15', children }),
    agentId: user.id,
    position: { section: 'children', ...(itemId ? { itemId } : {}) },
    now: '2026-03-15T09:00:00.000Z',
  });
}

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await db.villages.put(buildVillage());
});

describe('PNP child: MUAC and the yes/no questions', () => {
  it('a new child starts with oedema and vaccination card unanswered, not « Non »', async () => {
    await seed([]);
    const ui = userEvent.setup();
    renderAs(<PnpForm id={ID} />, user);
    await ui.click(await screen.findByRole('button', { name: /Ajouter un enfant/ }));
    for (const name of ['Œdèmes bilatéraux', 'Carnet de vaccination']) {
      const group = await screen.findByRole('group', { name });
      expect(within(group).getByLabelText('Oui')).not.toBeChecked();
      expect(within(group).getByLabelText('Non')).not.toBeChecked();
    }
    await waitFor(async () => {
      const children = (await db.drafts.get(ID))?.record['children'] as Record<string, unknown>[];
      expect(children).toHaveLength(1);
      expect(children[0]?.['oedema']).toBeUndefined();
      expect(children[0]?.['vaccinationCard']).toBeUndefined();
    });
  });

  it('says its unit, and shows no colour until the value is a reading: 11,5 and 9999 get an error', async () => {
    await seed(
      [buildPnpChild({ dob: '2024-09-10', muacMm: undefined, referredTo: undefined })],
      sampleIds.pnpChild,
    );
    const ui = userEvent.setup();
    renderAs(<PnpForm id={ID} />, user);
    const muac = await screen.findByLabelText(MUAC);
    expect(muac).toHaveAccessibleDescription(/En millimètres/);
    expect(muac.parentElement).toHaveTextContent('mm');
    await ui.type(muac, '11,5');
    await ui.tab();
    // The structure (a whole number) and the physical range may both speak: at least one shows.
    expect((await screen.findAllByText(/^PB \(/, { selector: '.issue' })).length).toBeGreaterThan(
      0,
    );
    expect(screen.queryByTestId('muac-colour')).toBeNull();
    expect(screen.queryByText(/Enfant à référer/)).toBeNull();
    await ui.clear(muac);
    await ui.type(muac, '9999');
    await ui.tab();
    expect(
      await screen.findByText(/9999 mm hors de la plage physique 70–250 mm/),
    ).toBeInTheDocument();
    expect(screen.queryByTestId('muac-colour')).toBeNull();
    await ui.clear(muac);
    await ui.type(muac, '130');
    expect(screen.getByTestId('muac-colour')).toHaveTextContent('Vert');
  });

  it('announces a low MUAC once its field is left, not while digits are typed; the autosave is never announced', async () => {
    await seed(
      [buildPnpChild({ dob: '2024-09-10', muacMm: undefined, referredTo: undefined })],
      sampleIds.pnpChild,
    );
    const ui = userEvent.setup();
    renderAs(<PnpForm id={ID} />, user);
    const muac = await screen.findByLabelText(MUAC);
    await ui.type(muac, '105');
    // Drawn at once, but no live region speaks while the field still has focus.
    expect(await screen.findByTestId('muac-colour')).toHaveTextContent('Rouge');
    expect(muac).toHaveFocus();
    expect(screen.getByTestId('muac-colour')).not.toHaveAttribute('role');
    expect(screen.queryByRole('alert')).toBeNull();
    await ui.tab();
    expect(await screen.findByRole('alert')).toHaveTextContent(/Enfant à référer/);
    expect(screen.getByTestId('muac-colour')).toHaveAttribute('role', 'status');
    await waitFor(() => {
      expect(screen.getByTestId('save-state')).toHaveTextContent('Enregistré automatiquement');
    });
    const spoken = screen.queryAllByRole('status').map((el) => el.textContent);
    expect(spoken.some((text) => text.includes('Enregistré automatiquement'))).toBe(false);
  });
});
