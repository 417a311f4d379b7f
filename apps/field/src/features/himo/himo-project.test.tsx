import {
  buildHimoAttendance,
  buildHimoMicroproject,
  buildHimoWorker,
  buildVillage,
  sampleId,
  sampleIds,
} from '@jigi/domain/testing';
import { himoPay } from '@jigi/domain';
import { screen, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { finaliseRecord } from '../../storage/records';
import { freshDb } from '../../test-support/db';
import { renderAs, testUser } from '../../test-support/render';
import { HimoProject } from './himo-project';

const user = testUser({ id: 'user-agent-bankass', role: 'field_agent' });
const worker = buildHimoWorker({ agentId: user.id });
const replaced = buildHimoWorker({
  id: sampleId(402),
  householdCode: 'BNK-002',
  name: 'Remplacé Traoré',
  active: false,
  agentId: user.id,
});
// 3 March entered twice: the sheet with the smaller id was captured last, so it is the one that counts.
const sheets = [
  buildHimoAttendance({
    id: sampleId(701),
    date: '2026-03-03',
    capturedAt: '2026-03-03T18:00:00.000Z',
    agentId: user.id,
    lines: [
      { id: worker.id, status: 'present' },
      { id: replaced.id, status: 'present' },
    ],
  }),
  buildHimoAttendance({
    id: sampleId(702),
    date: '2026-03-03',
    capturedAt: '2026-03-03T17:00:00.000Z',
    agentId: user.id,
    lines: [
      { id: worker.id, status: 'half_day' },
      { id: replaced.id, status: 'absent' },
    ],
  }),
  buildHimoAttendance({ id: sampleId(703), date: '2026-03-04', agentId: user.id }),
];

beforeEach(async () => {
  const db = freshDb();
  await db.open();
  await db.villages.put(buildVillage());
  await db.microprojects.put(buildHimoMicroproject({ dailyWageFcfa: 2000 }));
  for (const record of [worker, replaced, ...sheets])
    await finaliseRecord({ record, agentId: user.id, now: '2026-03-05T08:00:00.000Z' });
});

describe('HIMO project page: days and pay', () => {
  it('shows the days and amounts of the domain’s himoPay (the server’s dashboard), whatever order the sheets are stored in', async () => {
    renderAs(<HimoProject projectId={sampleIds.microproject} />, user);
    const table = await screen.findByRole('table', { name: 'Jours et montants' });
    const expected = himoPay({ sheets, projectId: sampleIds.microproject, dailyWageFcfa: 2000 });
    expect(expected).toMatchObject({ days: 3, amountFcfa: 6000 });
    // The roll is read (and opened) after the project: wait for its rows.
    await within(table).findByRole('cell', { name: worker.name });
    const row = (name: string) =>
      within(table).getByRole('cell', { name }).closest('tr') as HTMLElement;
    expect(await within(row(worker.name)).findByRole('cell', { name: '2' })).toBeInTheDocument();
    expect(within(row(worker.name)).getByRole('cell', { name: '4 000 FCFA' })).toBeInTheDocument();
    expect(within(row(replaced.name)).getByRole('cell', { name: '1' })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: '3' })).toBeInTheDocument();
    expect(within(table).getByRole('columnheader', { name: '6 000 FCFA' })).toBeInTheDocument();
  });
});
