import { buildCiblageHousehold, buildMember, buildVillage, sampleIds } from '@jigi/domain/testing';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import type { JigiDb } from '../../storage/db';
import { saveDraft } from '../../storage/drafts';
import { freshDb } from '../../test-support/db';
import { renderAs, testUser } from '../../test-support/render';
import { CiblageForm } from './ciblage-form';

const user = testUser({ id: sampleIds.agent });
const ID = '11111111-1111-4111-8111-111111111111';
const personQuestions = [
  'Situation matrimoniale',
  'Fréquentation scolaire',
  'Niveau d’instruction',
  'Activité principale',
  'Enceinte',
];
let db: JigiDb;

beforeEach(async () => {
  db = freshDb();
  await db.open();
  await db.villages.put(buildVillage());
  await saveDraft({
    record: {
      ...buildCiblageHousehold({
        id: ID,
        members: [
          buildMember({
            id: sampleIds.head,
            memberNo: 1,
            sex: 'M',
            relationToHead: 'chef',
            ageYears: 45,
            pregnant: undefined,
          }),
          buildMember({ attendsSchool: 'non', highestLevel: 'aucun', ageYears: 20 }),
        ],
        respondentMemberId: sampleIds.head,
      }),
    },
    agentId: user.id,
    position: { section: 'roster', itemId: sampleIds.spouse },
    now: '2026-03-15T09:00:00.000Z',
  });
});

const shown = () => personQuestions.filter((label) => screen.queryByLabelText(label) !== null);
const groupShown = () =>
  personQuestions.filter((label) => screen.queryByRole('group', { name: label }) !== null);

describe('roster questions follow the person', () => {
  it('a young child is asked no marital status, education, activity or « Enceinte »; answers given before are dropped', async () => {
    const ui = userEvent.setup();
    renderAs(<CiblageForm id={ID} />, user);
    const age = await screen.findByLabelText('Âge (années révolues)');
    expect([...shown(), ...groupShown()].sort()).toEqual([...personQuestions].sort());
    await ui.clear(age);
    await ui.type(age, '4');
    await waitFor(() => {
      expect([...shown(), ...groupShown()]).toEqual([]);
    });
    await ui.tab();
    await waitFor(async () => {
      const members = (await db.drafts.get(ID))?.record['members'] as Record<string, unknown>[];
      const child = members[1] ?? {};
      expect(child['ageYears']).toBe(4);
      expect(
        ['maritalStatus', 'attendsSchool', 'highestLevel', 'mainActivity', 'pregnant'].filter(
          (k) => child[k] !== undefined,
        ),
      ).toEqual([]);
    });
  });

  it('« Enceinte » is not asked of a man, nor of a girl under 12', async () => {
    const ui = userEvent.setup();
    renderAs(<CiblageForm id={ID} />, user);
    const age = await screen.findByLabelText('Âge (années révolues)');
    await ui.clear(age);
    await ui.type(age, '11');
    await waitFor(() => {
      expect(screen.queryByRole('group', { name: 'Enceinte' })).toBeNull();
    });
    expect(screen.getByLabelText('Activité principale')).toBeInTheDocument();
    await ui.clear(age);
    await ui.type(age, '30');
    await screen.findByRole('group', { name: 'Enceinte' });
    await ui.click(screen.getByLabelText('Masculin'));
    await waitFor(() => {
      expect(screen.queryByRole('group', { name: 'Enceinte' })).toBeNull();
    });
  });
});
