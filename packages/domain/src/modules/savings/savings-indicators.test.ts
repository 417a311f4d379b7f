import { describe, expect, it } from 'vitest';
import { groupIndicators, type MeetingAttendance } from './savings-indicators';
import type { Bylaws, LedgerEntry } from './savings-ledger';

const bylaws: Bylaws = {
  shareValueFcfa: 500,
  maxSharesPerMeeting: 2,
  loanInterestPercentPerMonth: 10,
  maxLoanFcfa: 20_000,
  maxLoanMonths: 3,
  socialFundContributionFcfa: 0,
};
const members = [
  { id: 'awa', woman: true, youth: false, active: true },
  { id: 'fanta', woman: true, youth: true, active: true },
  { id: 'sekou', woman: false, youth: true, active: true },
  { id: 'left', woman: true, youth: false, active: false },
];
const meeting = (n: number, marks: MeetingAttendance['marks']): MeetingAttendance => ({
  meetingId: `m${n}`,
  date: `2026-03-${String(n).padStart(2, '0')}`,
  marks,
});
const loan = (loanId: string, memberId: string, principalFcfa: number): LedgerEntry => ({
  id: `e-${loanId}`,
  meetingId: 'm1',
  kind: 'loan',
  loanId,
  memberId,
  principalFcfa,
  months: 1,
  purpose: 'commerce',
});

describe('groupIndicators', () => {
  it('counts members, attendance over the last 4 meetings, savings, loans and PAR', () => {
    const meetings = [
      meeting(1, { awa: 'absent', fanta: 'absent', sekou: 'absent' }), // older than the last 4
      meeting(2, { awa: 'present', fanta: 'present', sekou: 'represented' }),
      meeting(3, { awa: 'present', fanta: 'represented', sekou: 'present' }),
      meeting(4, { awa: 'present', fanta: 'present', sekou: 'absent' }),
      meeting(5, { awa: 'present', fanta: 'present', sekou: 'present' }),
    ];
    const entries: LedgerEntry[] = [
      { id: 's1', meetingId: 'm2', kind: 'shares', memberId: 'awa', shares: 4 },
      { id: 's2', meetingId: 'm2', kind: 'shares', memberId: 'fanta', shares: 2 },
      loan('L1', 'awa', 10_000), // due before today: at risk
      loan('L2', 'fanta', 10_000),
      { id: 'r2', meetingId: 'm3', kind: 'repayment', loanId: 'L2', amountFcfa: 5_000 },
    ];
    const g = groupIndicators({
      members,
      meetings,
      entries,
      loanDues: [
        { loanId: 'L1', dueDate: '2026-03-10' },
        { loanId: 'L2', dueDate: '2026-04-30' },
      ],
      bylaws,
      today: '2026-03-20',
    });
    expect(g).toMatchObject({
      members: 3,
      womenShare: 2 / 3,
      youthShare: 2 / 3,
      attendanceInPerson: 9 / 12,
      attendanceRepresented: 2 / 12,
      savingsPerMemberFcfa: 1_000,
      loansOutstandingFcfa: 11_000 + 6_000,
      membersWithLoanShare: 2 / 3,
      writtenOffFcfa: 0,
    });
    expect(g.portfolioAtRisk).toBeCloseTo(11_000 / 17_000);
  });

  it('is all zeros for a group with no member yet', () => {
    const g = groupIndicators({
      members: [],
      meetings: [],
      entries: [],
      loanDues: [],
      bylaws,
      today: '2026-01-01',
    });
    expect(Object.values(g).every((v) => v === 0)).toBe(true);
  });
});
