import {
  buildBeneficiaryHousehold,
  buildHimoMicroproject,
  buildHimoWorker,
  buildVillage,
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
import { newWorkerRecord } from './himo-records';
import { WorkerForm } from './worker-form';

const user = testUser({ id: 'user-agent-bankass', role: 'field_agent' });
const NEW = '66666666-6666-4666-8666-666666666666';
let db: JigiDb;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await db.villages.put(buildVillage());
  await db.microprojects.put(buildHimoMicroproject());
  await db.beneficiaryHouseholds.put(buildBeneficiaryHousehold());
  await finaliseRecord({
    record: buildHimoWorker({ agentId: user.id }),
    agentId: user.id,
    now: '2026-03-01T08:00:00.000Z',
  });
  await db.outbox.clear();
  await saveDraft({
    record: newWorkerRecord({
      id: NEW,
      agentId: user.id,
      deviceId: sampleIds.device,
      projectId: sampleIds.microproject,
      villageId: sampleIds.village,
    }),
    agentId: user.id,
    position: { section: 'worker' },
    now: '2026-03-10T08:00:00.000Z',
  });
});

async function fillFromHousehold(ui: ReturnType<typeof userEvent.setup>) {
  await screen.findByRole('option', { name: /KOR-DIO-001-AK-0001/ });
  await ui.selectOptions(
    screen.getByLabelText('Ménage bénéficiaire'),
    sampleIds.beneficiaryHousehold,
  );
  await ui.selectOptions(screen.getByLabelText('Membre du ménage'), '2');
  expect(screen.getByLabelText('Nom du travailleur')).toHaveValue('Fatoumata Ongoïba');
}

describe('HIMO worker roll', () => {
  it('asks « Enceinte » of a woman only, and not over 50; an answer given before is dropped', async () => {
    const ui = userEvent.setup();
    renderAs(<WorkerForm id={NEW} />, user);
    await ui.click(await screen.findByLabelText('Féminin'));
    const age = screen.getByLabelText('Âge (années)');
    await ui.type(age, '30');
    const pregnant = await screen.findByRole('group', { name: 'Enceinte' });
    await ui.click(within(pregnant).getByLabelText('Non'));
    await ui.click(screen.getByLabelText('Masculin'));
    await waitFor(() => {
      expect(screen.queryByRole('group', { name: 'Enceinte' })).toBeNull();
    });
    await waitFor(async () => {
      expect((await db.drafts.get(NEW))?.record['isPregnant']).toBeUndefined();
    });
    await ui.click(screen.getByLabelText('Féminin'));
    await screen.findByRole('group', { name: 'Enceinte' });
    await ui.clear(age);
    await ui.type(age, '51');
    await waitFor(() => {
      expect(screen.queryByRole('group', { name: 'Enceinte' })).toBeNull();
    });
  });

  it('refuses a second active worker for the same household', async () => {
    const ui = userEvent.setup();
    renderAs(<WorkerForm id={NEW} />, user);
    await fillFromHousehold(ui);
    expect(screen.getByText(/un seul travailleur actif par ménage/)).toBeInTheDocument();
    await ui.click(screen.getByRole('button', { name: 'Finaliser' }));
    expect(
      await screen.findAllByText(/a déjà un travailleur actif sur ce microprojet/),
    ).not.toHaveLength(0);
    expect(await db.records.get(NEW)).toBeUndefined();
  });

  it('accepts a substitute with a reason, and takes the replaced worker off the roll', async () => {
    const ui = userEvent.setup();
    renderAs(<WorkerForm id={NEW} />, user);
    await fillFromHousehold(ui);
    await ui.click(
      within(screen.getByRole('group', { name: /remplace un autre travailleur/ })).getByLabelText(
        'Oui',
      ),
    );
    await ui.selectOptions(screen.getByLabelText('Travailleur remplacé'), sampleIds.worker);
    await ui.type(screen.getByLabelText('Motif du remplacement'), 'Malade depuis une semaine');
    await ui.click(screen.getByRole('button', { name: 'Finaliser' }));
    await waitFor(async () => {
      expect((await db.records.get(NEW))?.record).toMatchObject({
        isSubstitute: true,
        replacesWorkerId: sampleIds.worker,
        active: true,
      });
    });
    await waitFor(async () => {
      expect((await db.records.get(sampleIds.worker))?.record['active']).toBe(false);
    });
    expect((await db.outbox.toArray()).map((m) => m.op).sort()).toEqual(['create', 'patch']);
  });
});
