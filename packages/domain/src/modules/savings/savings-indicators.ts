import { loanStates, standingEntries, type Bylaws, type LedgerEntry } from './savings-ledger';

/**
 * A group's SAVIX-style indicators from its members, its meetings' attendance and its ledger: what
 * the console shows per group and adds up per village, commune and facilitator. Portfolio at risk is
 * the outstanding balance of loans past their due date over all outstanding balances (SAVIX's PAR).
 */

export type GroupMember = { id: string; woman: boolean; youth: boolean; active: boolean };
export type Attendance = 'present' | 'represented' | 'absent';
export type MeetingAttendance = {
  meetingId: string;
  date: string;
  marks: Record<string, Attendance>;
};
/** A loan's due date, as recorded when it was made. */
export type LoanDue = { loanId: string; dueDate: string };

export type GroupIndicators = {
  members: number;
  womenShare: number;
  youthShare: number;
  /** Over the last 4 meetings (fewer when the group has met less), members × meetings. */
  attendanceInPerson: number;
  attendanceRepresented: number;
  savingsPerMemberFcfa: number;
  loansOutstandingFcfa: number;
  membersWithLoanShare: number;
  portfolioAtRisk: number;
  writtenOffFcfa: number;
};

const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export function groupIndicators(input: {
  members: readonly GroupMember[];
  meetings: readonly MeetingAttendance[];
  entries: readonly LedgerEntry[];
  loanDues: readonly LoanDue[];
  bylaws: Bylaws;
  today: string;
}): GroupIndicators {
  const active = input.members.filter((m) => m.active);
  const n = active.length;
  const last4 = [...input.meetings].sort((a, b) => (a.date < b.date ? 1 : -1)).slice(0, 4);
  let inPerson = 0;
  let represented = 0;
  for (const m of last4)
    for (const member of active) {
      if (m.marks[member.id] === 'present') inPerson++;
      if (m.marks[member.id] === 'represented') represented++;
    }
  const slots = last4.length * n;
  const shares = standingEntries(input.entries).entries.reduce(
    (t, e) => t + (e.kind === 'shares' ? e.shares : 0),
    0,
  );
  const loans = loanStates(input.entries, input.bylaws);
  const due = new Map(input.loanDues.map((d) => [d.loanId, d.dueDate]));
  const outstanding = loans.filter((l) => l.balanceFcfa > 0);
  const outstandingFcfa = outstanding.reduce((t, l) => t + l.balanceFcfa, 0);
  const lateFcfa = outstanding
    .filter((l) => (due.get(l.loanId) ?? '9999-12-31') < input.today)
    .reduce((t, l) => t + l.balanceFcfa, 0);
  return {
    members: n,
    womenShare: share(active.filter((m) => m.woman).length, n),
    youthShare: share(active.filter((m) => m.youth).length, n),
    attendanceInPerson: share(inPerson, slots),
    attendanceRepresented: share(represented, slots),
    savingsPerMemberFcfa: n === 0 ? 0 : Math.round((shares * input.bylaws.shareValueFcfa) / n),
    loansOutstandingFcfa: outstandingFcfa,
    membersWithLoanShare: share(new Set(outstanding.map((l) => l.memberId)).size, n),
    portfolioAtRisk: share(lateFcfa, outstandingFcfa),
    writtenOffFcfa: loans.reduce((t, l) => t + l.writtenOffFcfa, 0),
  };
}
