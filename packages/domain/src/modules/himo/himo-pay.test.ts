import { describe, expect, it } from 'vitest';
import { buildHimoAttendance, sampleId, sampleIds } from '../../testing/sample-records';
import { attendanceDayValue, computeDaysWorked, himoPay, himoSheetPay } from './himo-pay';

const replaced = sampleId(402);
const sheet = (n: number, date: string, capturedAt: string, lines: [string, string][]) =>
  buildHimoAttendance({
    id: sampleId(700 + n),
    date,
    capturedAt,
    lines: lines.map(([id, status]) => ({ id, status: status as 'present' })),
  });

describe('himoPay: days and pay from the sheets, one computation for tablet and server', () => {
  const sheets = [
    sheet(1, '2026-03-02', '2026-03-02T17:00:00Z', [
      [sampleIds.worker, 'present'],
      [replaced, 'present'],
    ]),
    sheet(2, '2026-03-03', '2026-03-03T17:00:00Z', [
      [sampleIds.worker, 'half_day'],
      [replaced, 'absent'],
    ]),
    // The same day re-entered later on another tablet: the later capture wins, once.
    sheet(0, '2026-03-03', '2026-03-03T18:00:00Z', [
      [sampleIds.worker, 'present'],
      [replaced, 'half_day'],
    ]),
  ];

  it('pays every worker with a line (a replaced worker too), days × wage in whole FCFA, totals summed', () => {
    expect(himoPay({ sheets, projectId: sampleIds.microproject, dailyWageFcfa: 1525 })).toEqual({
      lines: [
        { workerId: sampleIds.worker, days: 2, amountFcfa: 3050 },
        { workerId: replaced, days: 1.5, amountFcfa: 2288 },
      ],
      days: 3.5,
      amountFcfa: 5338,
    });
  });

  it('gives the same result whatever order the sheets are read in', () => {
    const pay = himoPay({ sheets, projectId: sampleIds.microproject, dailyWageFcfa: 2000 });
    expect(
      himoPay({
        sheets: [...sheets].reverse(),
        projectId: sampleIds.microproject,
        dailyWageFcfa: 2000,
      }),
    ).toEqual(pay);
    expect(
      computeDaysWorked(
        [...sheets].reverse(),
        sampleIds.microproject,
        replaced,
        '2026-03-01',
        '2026-03-31',
      ),
    ).toBe(computeDaysWorked(sheets, sampleIds.microproject, replaced, '2026-03-01', '2026-03-31'));
  });

  it('lists the roll first, even with no day; counts only the period (inclusive) and the project', () => {
    const pay = himoPay({
      sheets: [...sheets, { ...sheets[0], projectId: sampleId(999), date: '2026-03-04' }],
      projectId: sampleIds.microproject,
      dailyWageFcfa: 2000,
      periodStart: '2026-03-03',
      periodEnd: '2026-03-03',
      workerIds: [sampleId(403), replaced],
    });
    expect(pay.lines).toEqual([
      { workerId: sampleId(403), days: 0, amountFcfa: 0 },
      { workerId: replaced, days: 0.5, amountFcfa: 1000 },
      { workerId: sampleIds.worker, days: 1, amountFcfa: 2000 },
    ]);
  });

  it("one sheet's pay is what himoPay adds for its day", () => {
    const day = sheets[0]?.lines ?? [];
    expect(himoSheetPay(day, 1525)).toEqual(
      himoPay({
        sheets: [sheets[0] ?? {}],
        projectId: sampleIds.microproject,
        dailyWageFcfa: 1525,
      }),
    );
    expect(
      himoSheetPay(
        [
          { id: 'a', status: 'half_day' },
          { id: 'b', status: 'half_day' },
        ],
        1525,
      ).amountFcfa,
    ).toBe(1526);
  });

  it('a mark is worth 1, 0,5 or 0; an unmarked line of a draft counts nothing', () => {
    expect(['present', 'half_day', 'absent', undefined].map(attendanceDayValue)).toEqual([
      1, 0.5, 0, 0,
    ]);
  });
});
