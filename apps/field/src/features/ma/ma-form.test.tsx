import { buildBeneficiaryHousehold, buildVillage, sampleId, sampleIds } from '@jigi/domain/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { JigiDb } from '../../storage/db';
import { saveDraft } from '../../storage/drafts';
import { freshDb } from '../../test-support/db';
import { renderAs, testUser } from '../../test-support/render';
import { MaForm } from './ma-form';
import { newMaSessionRecord } from './new-ma-session';

const user = testUser({ id: 'user-anim-koro', role: 'facilitator', name: 'Mariam Togo' });
const ID = '33333333-3333-4333-8333-333333333333';
let db: JigiDb;

const households = [1, 2, 3].map((n) =>
  buildBeneficiaryHousehold({
    id: sampleId(700 + n),
    householdCode: `KOR-DIO-00${n}`,
    headName: `Chef ${n}`,
  }),
);

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await db.villages.put(buildVillage());
  await db.beneficiaryHouseholds.bulkPut([
    ...households,
    buildBeneficiaryHousehold({
      id: sampleId(799),
      villageId: 'other-village',
      householdCode: 'GAO-001',
    }),
  ]);
  const record = {
    ...newMaSessionRecord({
      id: ID,
      agentId: user.id,
      deviceId: sampleIds.device,
      facilitatorName: user.name,
    }),
    villageId: sampleIds.village,
  };
  await saveDraft({
    record,
    agentId: user.id,
    position: { section: 'attendance' },
    now: '2026-03-15T09:00:00.000Z',
  });
});

function line(code: string) {
  return screen.getByRole('group', { name: `Présence du ménage ${code}` });
}

describe('MA session attendance', () => {
  it('pre-loads one line per beneficiary household of the village, with live counts', async () => {
    const ui = userEvent.setup();
    renderAs(<MaForm id={ID} />, user);
    expect(
      await screen.findByRole('group', { name: 'Présence du ménage KOR-DIO-001' }),
    ).toBeInTheDocument();
    expect(screen.getAllByRole('group', { name: /^Présence du ménage/ })).toHaveLength(3);
    expect(screen.queryByText('GAO-001')).not.toBeInTheDocument();
    expect(screen.getByText('Non marqués : 3')).toBeInTheDocument();
    await ui.click(within(line('KOR-DIO-001')).getByLabelText('Présent'));
    await ui.click(within(line('KOR-DIO-002')).getByLabelText('Absent'));
    await ui.click(within(line('KOR-DIO-003')).getByLabelText('Excusé'));
    expect(screen.getByText('Présents : 1')).toBeInTheDocument();
    expect(screen.getByText('Absents : 1')).toBeInTheDocument();
    expect(screen.getByText('Excusés : 1')).toBeInTheDocument();
    // Changing a household's mark moves it, it never counts twice.
    await ui.click(within(line('KOR-DIO-002')).getByLabelText('Présent'));
    expect(screen.getByText('Présents : 2')).toBeInTheDocument();
    expect(screen.getByText('Absents : 0')).toBeInTheDocument();
  });

  it('records a substitute attendee and finalises; the session and its mutation are stored', async () => {
    const ui = userEvent.setup();
    renderAs(<MaForm id={ID} />, user);
    await ui.click(
      await screen.findByRole('button', { name: 'Marquer les non marqués comme absents' }),
    );
    await ui.click(within(line('KOR-DIO-001')).getByLabelText('Présent'));
    await ui.click(screen.getByLabelText('Un remplaçant est venu à la place (KOR-DIO-001)'));
    await ui.type(screen.getByLabelText('Nom du remplaçant (KOR-DIO-001)'), 'Awa Kassogué');
    await ui.type(
      screen.getByLabelText('Lien du remplaçant avec le ménage (KOR-DIO-001)'),
      'belle-sœur',
    );
    await ui.click(
      within(
        screen.getByRole('group', { name: 'Sexe du remplaçant (KOR-DIO-001)' }),
      ).getByLabelText('Féminin'),
    );
    await ui.type(screen.getByLabelText('Âge du remplaçant (KOR-DIO-001)'), '30');

    await ui.click(screen.getByRole('button', { name: 'Séance' }));
    await ui.type(screen.getByLabelText('Heure de début'), '09:00');
    await ui.type(screen.getByLabelText('Durée (minutes)'), '60');
    await ui.type(screen.getByLabelText('Numéro de séance dans le cycle'), '1');
    await ui.click(screen.getByLabelText('Hygiène et lavage des mains'));
    await ui.selectOptions(screen.getByLabelText('Langue utilisée'), 'bm');
    await ui.type(screen.getByLabelText('Lieu'), 'Place du village');
    await ui.click(screen.getByRole('button', { name: 'Récapitulatif' }));
    await ui.click(screen.getByRole('button', { name: 'Finaliser' }));
    await waitFor(async () => {
      const alert = screen
        .queryAllByRole('alert')
        .map((a) => a.textContent)
        .join('\n');
      expect(await db.records.get(ID), alert).toBeDefined();
    });
    const row = await db.records.get(ID);
    const lines = row?.record['attendance'] as {
      id: string;
      status: string;
      substitute?: { name: string };
    }[];
    expect(lines.map((l) => l.status)).toEqual(['present', 'absent', 'absent']);
    expect(lines[0]?.substitute?.name).toBe('Awa Kassogué');
    expect(await db.outbox.count()).toBe(1);
  });
});
