import { buildAssemblyLine, buildAssemblyValidation, sampleId } from '@jigi/domain/testing';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDraft, saveDraft } from '../../storage/drafts';
import { freshDb } from '../../test-support/db';
import { renderAs, testUser } from '../../test-support/render';
import { AssemblyForm } from './assembly-form';

const user = testUser({ id: 'user-anim-koro', role: 'facilitator', name: 'Mariam Togo' });
const ID = sampleId(650);

// The list as the server publishes it: two households within a quota of 2, one on the waiting list,
// nothing decided yet.
const published = buildAssemblyValidation({
  held: false,
  date: undefined,
  attendanceMen: undefined,
  attendanceWomen: undefined,
  minutesDecision: undefined,
  households: [
    buildAssemblyLine({ decision: undefined }),
    buildAssemblyLine({
      id: sampleId(601),
      listRank: 2,
      householdCode: 'KOR-DIO-001-AK-0002',
      headName: 'Mariam Ongoïba',
      decision: undefined,
    }),
    buildAssemblyLine({
      id: sampleId(602),
      listStatus: 'waiting',
      listRank: 3,
      householdCode: 'KOR-DIO-001-AK-0003',
      headName: 'Ousmane Kassogué',
      decision: undefined,
    }),
  ],
});

beforeEach(async () => {
  const db = freshDb();
  await db.open();
  await saveDraft({
    record: published,
    agentId: user.id,
    position: { section: 'list' },
    now: '2026-03-15T09:00:00.000Z',
  });
});

async function draftLines() {
  const d = await getDraft(ID);
  if (!d.ok || !d.value) throw new Error('no draft');
  return d.value.record['households'] as { headName: string; decision?: string }[];
}

describe('village assembly on the tablet', () => {
  it('reads the list by name, records a removal with its reason and an added household', async () => {
    const ui = userEvent.setup();
    renderAs(<AssemblyForm id={ID} />, user);
    const first = await screen.findByTestId('assembly-line-0');
    expect(within(first).getByText('1. Amadou Guindo')).toBeInTheDocument();
    expect(screen.getByText('3. Ousmane Kassogué')).toBeInTheDocument();
    expect(screen.getByText('Liste d’attente')).toBeInTheDocument();

    await ui.click(within(first).getByLabelText('Retenu'));
    const second = screen.getByTestId('assembly-line-1');
    await ui.click(within(second).getByLabelText('Retiré'));
    await ui.selectOptions(
      within(second).getByLabelText('Motif (Mariam Ongoïba)'),
      'Ménage jugé non pauvre',
    );
    await ui.type(screen.getByLabelText('Ménage à ajouter (nom du chef)'), 'Kadia Dolo');
    await ui.click(screen.getByRole('button', { name: 'Ajouter ce ménage' }));
    expect(
      await screen.findByRole('group', { name: 'Décision pour Kadia Dolo' }),
    ).toBeInTheDocument();
    expect(screen.getAllByText('Validés : 2').length).toBeGreaterThan(0);
    expect(screen.getAllByText('Retirés : 1').length).toBeGreaterThan(0);
    // No score anywhere on the screen: the list is names and ranks only.
    expect(document.body.textContent).not.toMatch(/score/i);

    // Autosaved: the draft holds the decisions.
    await waitFor(async () => {
      const lines = await draftLines();
      expect(lines.map((l) => [l.headName, l.decision])).toEqual(expected);
    });
  });
});

const expected = [
  ['Amadou Guindo', 'retenu'],
  ['Mariam Ongoïba', 'retire'],
  ['Ousmane Kassogué', undefined],
  ['Kadia Dolo', 'ajoute'],
];
