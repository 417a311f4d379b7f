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
// A record id per test: the previous test's form, unmounting, may still flush its draft after the
// next test's database is made current — under its own id, never over this test's seed.
let n = 0;
let ID = '';
const CHILD = sampleIds.pnpChild;
let db: JigiDb;

async function seed(child: Parameters<typeof buildPnpChild>[0]) {
  const record = buildPnpEnrolment({
    id: ID,
    visitDate: '2026-03-15',
    children: [buildPnpChild({ muacMm: undefined, referredTo: undefined, ...child })],
  });
  await saveDraft({
    record,
    agentId: user.id,
    position: { section: 'children', itemId: CHILD },
    now: '2026-03-15T09:00:00.000Z',
  });
}

beforeEach(async () => {
  n += 1;
  ID = `44444444-4444-4444-8444-${String(n).padStart(12, '0')}`;
  db = freshDb();
  await db.open();
  await db.villages.put(buildVillage());
});

describe('PNP enrolment', () => {
  it('shows the age in months from the date of birth, and a red MUAC at once, asking for referral', async () => {
    await seed({ dob: '2023-09-10' });
    const ui = userEvent.setup();
    renderAs(<PnpForm id={ID} />, user);
    expect(await screen.findByTestId('age-months')).toHaveTextContent('Âge : 30 mois');
    await ui.type(screen.getByLabelText('PB — périmètre brachial (mm)'), '112');
    expect(screen.getByTestId('muac-colour')).toHaveTextContent('Rouge');
    expect(screen.getByText(/Enfant à référer/)).toBeInTheDocument();
    // « Référé vers » has not been touched: its error waits, the notice above says what to do.
    expect(screen.queryByText(/Référé vers/, { selector: '.issue' })).not.toBeInTheDocument();
    await ui.click(screen.getByLabelText('Référé vers'));
    await ui.tab();
    expect(await screen.findByText(/Référé vers/, { selector: '.issue' })).toBeInTheDocument();
    await ui.selectOptions(screen.getByLabelText('Référé vers'), 'urenas');
    await waitFor(async () => {
      const d = await db.drafts.get(ID);
      expect(
        (d?.record['children'] as { muacMm?: number; referredTo?: string }[])[0],
      ).toMatchObject({ muacMm: 112, referredTo: 'urenas' });
    });
  });

  it('yellow and green MUAC need no referral; oedema does', async () => {
    await seed({ dob: '2024-09-10' });
    const ui = userEvent.setup();
    renderAs(<PnpForm id={ID} />, user);
    const muac = await screen.findByLabelText('PB — périmètre brachial (mm)');
    await ui.type(muac, '120');
    expect(screen.getByTestId('muac-colour')).toHaveTextContent('Jaune');
    await ui.clear(muac);
    await ui.type(muac, '130');
    expect(screen.getByTestId('muac-colour')).toHaveTextContent('Vert');
    expect(screen.queryByText(/Enfant à référer/)).not.toBeInTheDocument();
    await ui.click(
      within(screen.getByRole('group', { name: 'Œdèmes bilatéraux' })).getByLabelText('Oui'),
    );
    expect(screen.getByText(/Enfant à référer/)).toBeInTheDocument();
  });

  it('refuses a child of 60 months with the domain’s French message, and blocks finalising', async () => {
    await seed({ dob: '2021-03-15' });
    const ui = userEvent.setup();
    renderAs(<PnpForm id={ID} />, user);
    // The draft loads, then its rules run: wait for each rather than for the element alone.
    await waitFor(() => {
      expect(screen.getByTestId('age-months')).toHaveTextContent('Âge : 60 mois');
    });
    expect(
      await screen.findByText(/le PNP inscrit les enfants de 0 à 59 mois/),
    ).toBeInTheDocument();
    await ui.click(screen.getByRole('button', { name: 'Récapitulatif' }));
    await ui.click(screen.getByRole('button', { name: 'Finaliser' }));
    expect(
      await screen.findByText('Fiche non finalisée : corrigez les erreurs listées.'),
    ).toBeInTheDocument();
    expect(await db.records.count()).toBe(0);
  });
});
