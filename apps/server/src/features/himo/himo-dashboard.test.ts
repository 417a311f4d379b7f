import { buildHimoAttendance, buildHimoWorker, sampleId, sampleIds } from '@jigi/domain/testing';
import { describe, expect, it } from 'vitest';
import type { Deps } from '../../services/deps';
import { himoSummary } from './himo-dashboard';

const WAGE = 2000;
const replaced = buildHimoWorker({ id: sampleId(402), active: false });
const records = [
  buildHimoWorker(),
  replaced,
  // Two sheets for 3 March, read by the server in village order: the one captured last counts.
  buildHimoAttendance({
    id: sampleId(701),
    villageId: 'b-village',
    date: '2026-03-03',
    capturedAt: '2026-03-03T18:00:00Z',
    lines: [
      { id: sampleIds.worker, status: 'present' },
      { id: replaced.id, status: 'present' },
    ],
  }),
  buildHimoAttendance({
    id: sampleId(702),
    villageId: 'a-village',
    date: '2026-03-03',
    capturedAt: '2026-03-03T17:00:00Z',
    lines: [
      { id: sampleIds.worker, status: 'half_day' },
      { id: replaced.id, status: 'absent' },
    ],
  }),
  buildHimoAttendance({ id: sampleId(703), date: '2026-03-04' }),
];

/** A store holding one microproject and the records above, read in SQL's order (village, id). */
function deps(): Deps {
  const rows = records
    .map((r) => ({ id: r.id, type: r.type, villageId: r.villageId, data: r }))
    .sort((a, b) => a.villageId.localeCompare(b.villageId) || a.id.localeCompare(b.id));
  const tx = {
    reference: {
      listMicroprojects: () =>
        Promise.resolve([
          {
            id: sampleIds.microproject,
            villageIds: ['a-village'],
            data: { name: 'Cordons', dailyWageFcfa: WAGE },
          },
        ]),
    },
    sync: {
      recordsWhere: (q: { type: string; value: string }) =>
        Promise.resolve(rows.filter((r) => r.type === q.type && r.data.projectId === q.value)),
    },
  };
  return { store: { read: (fn: (t: typeof tx) => unknown) => fn(tx) } } as unknown as Deps;
}

describe('HIMO dashboard', () => {
  it('counts the days and wages the tablet shows (himoPay): a replaced worker is paid, a re-entered day once', async () => {
    const all = await himoSummary(deps(), {
      villageIds: undefined,
      from: undefined,
      to: undefined,
    });
    // 3 March: 1 + 1 (the sheet captured last); 4 March: 1.
    expect(all.microprojects[0]).toMatchObject({ workers: 1, daysWorked: 3, wagesDueFcfa: 6000 });
  });

  it('stops at the last day of the period (the route passes the instant after it)', async () => {
    const to = new Date(Date.parse('2026-03-03') + 86_400_000).toISOString();
    const upTo3 = await himoSummary(deps(), { villageIds: undefined, from: undefined, to });
    expect(upTo3.microprojects[0]).toMatchObject({ daysWorked: 2, wagesDueFcfa: 4000 });
  });
});
