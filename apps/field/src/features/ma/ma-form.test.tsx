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

const titulaires = ['Fatoumata Ongoïba', 'Awa Kassogué', 'Hawa Dolo'];
const households = [1, 2, 3].map((n) =>
  buildBeneficiaryHousehold({
    id: sampleId(700 + n),
    householdCode: `KOR-DIO-00${n}`,
    headName: `Chef ${n}`,
    titulaireName: titulaires[n - 1] ?? '',
    members: [
      { memberNo: 1, name: `Chef ${n}`, sex: 'M', ageYears: 45 },
      { memberNo: 2, name: titulaires[n - 1] ?? '', sex: 'F', ageYears: 38 },
      { memberNo: 3, name: `Enfant ${n}`, sex: 'F', ageYears: 17 },
    ],
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

function findLine(code: string) {
  return screen.findByRole('group', { name: `Présence du ménage ${code}` });
}

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

  it('« Présent » in one tap names the titulaire; who came can be changed to a member', async () => {
    const ui = userEvent.setup();
    renderAs(<MaForm id={ID} />, user);
    await ui.click(within(await findLine('KOR-DIO-001')).getByLabelText('Présent'));
    const who = screen.getByLabelText('Qui est venu ? (KOR-DIO-001)');
    expect(who).toHaveDisplayValue('La titulaire : Fatoumata Ongoïba');
    // The titulaire is not offered twice: her roster line is the default.
    expect(
      within(who)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual([
      'La titulaire : Fatoumata Ongoïba',
      'n°1 Chef 1',
      'n°3 Enfant 1',
      'Un remplaçant (hors de la liste du ménage)',
    ]);
    await ui.selectOptions(who, 'n°3 Enfant 1');
    // Absent clears who came; present again names the titulaire again.
    await ui.click(within(line('KOR-DIO-001')).getByLabelText('Absent'));
    expect(screen.queryByLabelText('Qui est venu ? (KOR-DIO-001)')).not.toBeInTheDocument();
    await ui.click(within(line('KOR-DIO-001')).getByLabelText('Présent'));
    expect(screen.getByLabelText('Qui est venu ? (KOR-DIO-001)')).toHaveDisplayValue(
      'La titulaire : Fatoumata Ongoïba',
    );
  });

  it('finds a household by name without accents or by code; the counts stay on screen', async () => {
    const ui = userEvent.setup();
    renderAs(<MaForm id={ID} />, user);
    await findLine('KOR-DIO-001');
    expect(screen.getByText('Awa Kassogué')).toBeInTheDocument();
    const search = screen.getByLabelText('Rechercher un ménage (nom ou code)');
    await ui.type(search, 'kassogue');
    await waitFor(() => {
      expect(screen.getAllByRole('group', { name: /^Présence du ménage/ })).toHaveLength(1);
    });
    expect(line('KOR-DIO-002')).toBeInTheDocument();
    expect(screen.getByText('1 ménage sur 3')).toBeInTheDocument();
    await ui.click(within(line('KOR-DIO-002')).getByLabelText('Présent'));
    await ui.clear(search);
    await ui.type(search, 'dio-003');
    await waitFor(() => {
      expect(screen.getAllByRole('group', { name: /^Présence du ménage/ })).toHaveLength(1);
    });
    expect(line('KOR-DIO-003')).toBeInTheDocument();
    // The mark made under the first search is kept, and counted.
    expect(screen.getByText('Présents : 1')).toBeInTheDocument();
    expect(screen.getByTestId('roll-call-counts')).toHaveClass('counts-sticky');
  });

  it('records the titulaire, a member and a substitute, then finalises; the session is stored', async () => {
    const ui = userEvent.setup();
    renderAs(<MaForm id={ID} />, user);
    await ui.click(within(await findLine('KOR-DIO-001')).getByLabelText('Présent'));
    await ui.click(within(line('KOR-DIO-002')).getByLabelText('Présent'));
    await ui.selectOptions(
      screen.getByLabelText('Qui est venu ? (KOR-DIO-002)'),
      'Un remplaçant (hors de la liste du ménage)',
    );
    await ui.type(screen.getByLabelText('Nom du remplaçant (KOR-DIO-002)'), 'Oumou Guindo');
    await ui.type(
      screen.getByLabelText('Lien du remplaçant avec le ménage (KOR-DIO-002)'),
      'belle-sœur',
    );
    await ui.click(
      within(
        screen.getByRole('group', { name: 'Sexe du remplaçant (KOR-DIO-002)' }),
      ).getByLabelText('Féminin'),
    );
    await ui.type(screen.getByLabelText('Âge du remplaçant (KOR-DIO-002)'), '30');
    await ui.click(within(line('KOR-DIO-003')).getByLabelText('Présent'));
    await ui.selectOptions(screen.getByLabelText('Qui est venu ? (KOR-DIO-003)'), 'n°1 Chef 3');

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
    const lines = row?.record['attendance'] as Record<string, unknown>[];
    expect(
      lines.map((l) => [
        l['status'],
        l['attendeeIsTitulaire'],
        l['attendeeMemberNo'],
        (l['substitute'] as { name?: string } | undefined)?.name,
      ]),
    ).toEqual([
      ['present', true, undefined, undefined],
      ['present', undefined, undefined, 'Oumou Guindo'],
      ['present', undefined, 1, undefined],
    ]);
    expect(await db.outbox.count()).toBe(1);
  });
});
