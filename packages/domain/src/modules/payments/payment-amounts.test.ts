import { describe, expect, it } from 'vitest';
import { householdRoundAmount, plannedEndMonth, totalFcfa } from './payment-amounts';
import { addMonths, monthRange, monthsFrom } from './payment-months';

const monthly = 15_000;
const household = (enrolledOn: string, extra: object = {}) => ({
  enrolledOn,
  participationMonths: 36,
  ...extra,
});

describe('months', () => {
  it('crosses year ends both ways', () => {
    expect(addMonths('2026-11', 3)).toBe('2027-02');
    expect(addMonths('2027-01', -1)).toBe('2026-12');
    expect(monthRange('2026-12', 3)).toEqual(['2026-12', '2027-01', '2027-02']);
    expect(monthsFrom('2026-03', '2029-03')).toBe(36);
  });
  it('refuses what is not a month', () => {
    expect(() => addMonths('2026-13', 1)).toThrow(RangeError);
  });
});

describe('householdRoundAmount: monthly amount × months owed, + arrears, + top-up', () => {
  it('pays 15 000 × months covered to a household enrolled before the round', () => {
    const two = householdRoundAmount({
      monthlyAmountFcfa: monthly,
      round: { firstMonth: '2026-04', monthsCovered: 2 },
      household: household('2026-03-10', { paidMonths: ['2026-03'] }),
    });
    expect(two.totalFcfa).toBe(30_000);
    expect(two.months).toEqual(['2026-04', '2026-05']);
    const three = householdRoundAmount({
      monthlyAmountFcfa: monthly,
      round: { firstMonth: '2026-04', monthsCovered: 3 },
      household: household('2026-03-10', { paidMonths: ['2026-03'] }),
    });
    expect(three.totalFcfa).toBe(45_000);
  });

  it('36 months come to 540 000 FCFA over twelve 3-month rounds, never more', () => {
    let paid: string[] = [];
    let total = 0;
    for (let r = 0; r < 13; r++) {
      const a = householdRoundAmount({
        monthlyAmountFcfa: monthly,
        round: { firstMonth: addMonths('2026-01', r * 3), monthsCovered: 3 },
        household: household('2026-01-05', { paidMonths: paid }),
      });
      paid = [...paid, ...a.months, ...a.arrearsMonths];
      total += a.totalFcfa;
    }
    expect(total).toBe(540_000);
    expect(plannedEndMonth('2026-01-05', 36)).toBe('2029-01');
  });

  it('a household enrolled in the round’s last month is owed that month only', () => {
    const a = householdRoundAmount({
      monthlyAmountFcfa: monthly,
      round: { firstMonth: '2026-04', monthsCovered: 3 },
      household: household('2026-06-30'),
    });
    expect(a.months).toEqual(['2026-06']);
    expect(a.totalFcfa).toBe(15_000);
  });

  it('a household enrolled the month after the round is owed nothing from it', () => {
    const a = householdRoundAmount({
      monthlyAmountFcfa: monthly,
      round: { firstMonth: '2026-04', monthsCovered: 3, topUpFcfa: 10_000 },
      household: household('2026-07-01'),
    });
    expect(a).toMatchObject({ months: [], arrearsMonths: [], totalFcfa: 0, topUpFcfa: 0 });
  });

  it('pays never-paid earlier months as arrears (late enrolment), not twice', () => {
    const input = {
      monthlyAmountFcfa: monthly,
      round: { firstMonth: '2026-07', monthsCovered: 3 },
      household: household('2026-05-20'),
    };
    const a = householdRoundAmount(input);
    expect(a.arrearsMonths).toEqual(['2026-05', '2026-06']);
    expect(a).toMatchObject({ regularFcfa: 45_000, arrearsFcfa: 30_000, totalFcfa: 75_000 });
    const followUp = householdRoundAmount({
      ...input,
      household: { ...input.household, paidMonths: [...a.months, ...a.arrearsMonths] },
    });
    expect(followUp.totalFcfa).toBe(0);
    const noArrears = householdRoundAmount({
      ...input,
      round: { ...input.round, paysArrears: false },
    });
    expect(noArrears.totalFcfa).toBe(45_000);
  });

  it('adds a top-up to households participating during the round only', () => {
    const a = householdRoundAmount({
      monthlyAmountFcfa: monthly,
      round: { firstMonth: '2026-04', monthsCovered: 2, topUpFcfa: 25_000 },
      household: household('2026-01-01', { paidMonths: monthRange('2026-01', 3) }),
    });
    expect(a).toMatchObject({ regularFcfa: 30_000, topUpFcfa: 25_000, totalFcfa: 55_000 });
  });

  it('stops at the 36th month and at an exit', () => {
    const last = householdRoundAmount({
      monthlyAmountFcfa: monthly,
      round: { firstMonth: '2028-12', monthsCovered: 3 },
      household: household('2026-01-15', { paidMonths: monthRange('2026-01', 35) }),
    });
    expect(last.months).toEqual(['2028-12']);
    const exited = householdRoundAmount({
      monthlyAmountFcfa: monthly,
      round: { firstMonth: '2026-04', monthsCovered: 3 },
      household: household('2026-01-15', {
        paidMonths: monthRange('2026-01', 3),
        exitedOn: '2026-05-02',
      }),
    });
    expect(exited.months).toEqual(['2026-04', '2026-05']);
  });

  it('refuses amounts that are not whole FCFA', () => {
    const round = { firstMonth: '2026-04', monthsCovered: 2 };
    expect(() =>
      householdRoundAmount({
        monthlyAmountFcfa: 15_000.5,
        round,
        household: household('2026-01-01'),
      }),
    ).toThrow(/whole/);
    expect(() =>
      householdRoundAmount({
        monthlyAmountFcfa: 15_000,
        round: { ...round, topUpFcfa: -1 },
        household: household('2026-01-01'),
      }),
    ).toThrow(/whole/);
    expect(totalFcfa([30_000, 45_000, 75_000])).toBe(150_000);
    expect(() => totalFcfa([1, 0.5])).toThrow(RangeError);
  });
});
