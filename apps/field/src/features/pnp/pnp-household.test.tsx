import {
  buildBeneficiaryHousehold,
  buildPnpEnrolment,
  buildVillage,
  sampleId,
  sampleIds,
} from '@jigi/domain/testing';
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
const LABEL = 'Code du ménage bénéficiaire (s’il l’est)';
let db: JigiDb;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await db.villages.bulkPut([
    buildVillage(),
    buildVillage({ id: 'village-bamba', name: 'Bamba', communeCode: 'mopti.koro.bamba' }),
  ]);
  await db.beneficiaryHouseholds.bulkPut([
    buildBeneficiaryHousehold({ headName: 'Amadou Ongoïba' }),
    buildBeneficiaryHousehold({
      id: sampleId(602),
      householdCode: 'KOR-DIO-001-AK-0002',
      headName: 'Boureima Kassogué',
    }),
    buildBeneficiaryHousehold({
      id: sampleId(603),
      villageId: 'village-bamba',
      householdCode: 'KOR-BAM-002-AK-0001',
      headName: 'Ousmane Guindo',
    }),
  ]);
});

async function seed(householdCode: string | undefined) {
  const record = buildPnpEnrolment({ id: ID, villageId: sampleIds.village });
  await saveDraft({
    record: { ...record, household: { ...record.household, householdCode } },
    agentId: user.id,
    position: { section: 'household' },
    now: '2026-03-15T09:00:00.000Z',
  });
}

describe('PNP beneficiary code', () => {
  it('is picked from the village’s beneficiary list, not typed', async () => {
    await seed(undefined);
    const ui = userEvent.setup();
    renderAs(<PnpForm id={ID} />, user);
    const code = await screen.findByLabelText(LABEL);
    expect(code.tagName).toBe('SELECT');
    await within(code).findByRole('option', { name: 'KOR-DIO-001-AK-0002 — Boureima Kassogué' });
    expect(
      within(code)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      '— Choisir —',
      'KOR-DIO-001-AK-0001 — Amadou Ongoïba',
      'KOR-DIO-001-AK-0002 — Boureima Kassogué',
    ]);
    await ui.selectOptions(code, 'KOR-DIO-001-AK-0002');
    await waitFor(async () => {
      const d = await db.drafts.get(ID);
      expect((d?.record['household'] as { householdCode?: string }).householdCode).toBe(
        'KOR-DIO-001-AK-0002',
      );
    });
  });

  it('a code not on the village’s list (typed before) is shown as an error', async () => {
    await seed('KOR-DIO-001-AK-0099');
    renderAs(<PnpForm id={ID} />, user);
    const shown = await screen.findAllByText(
      /« KOR-DIO-001-AK-0099 » n’est pas sur la liste des bénéficiaires du village/,
    );
    expect(shown.length).toBeGreaterThan(0);
  });
});
