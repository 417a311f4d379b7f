import type { RecordType } from '../records/field-record';

// Paths whose concurrent conflicting edits go to the supervisor (docs/architecture.md §2): identity,
// head of household, sex, dates of birth/ages, location, consent, MUAC, enrolment status, days worked
// and attendance status. `*` stands for one keyed-array id. A pattern covers the path itself and
// everything under it (`gps` covers `gps.lat`); a pattern ending in an id (`members.*`) covers adding
// or removing the line.
const common = ['villageId', 'gps'];
const patterns: Record<RecordType, string[]> = {
  ciblage_household: [
    ...common,
    'consent',
    'result',
    'respondentMemberId',
    'householdCode',
    'headIdType',
    'headIdNo',
    'members.*',
    'members.*.relationToHead',
    'members.*.firstName',
    'members.*.lastName',
    'members.*.sex',
    'members.*.dob',
    'members.*.dobPrecision',
    'members.*.ageYears',
    'members.*.memberNo',
  ],
  ma_session: [
    ...common,
    'date',
    'attendance.*',
    'attendance.*.status',
    'attendance.*.attendeeMemberNo',
    'attendance.*.substitute',
  ],
  pnp_enrolment: [
    ...common,
    'visitDate',
    'household.householdCode',
    'children.*',
    'children.*.name',
    'children.*.sex',
    'children.*.dob',
    'children.*.muacMm',
    'children.*.oedema',
    'women.*',
    'women.*.name',
    'women.*.age',
    'women.*.status',
    'women.*.muacMm',
  ],
  himo_worker: [
    ...common,
    'projectId',
    'householdId',
    'name',
    'sex',
    'age',
    'nina',
    'active',
    'isSubstitute',
  ],
  himo_attendance: [...common, 'projectId', 'date', 'lines.*', 'lines.*.status'],
  himo_payment: [
    ...common,
    'projectId',
    'workerId',
    'daysWorked',
    'amountFcfa',
    'dailyWageFcfa',
    'override',
    'periodStart',
    'periodEnd',
  ],
};

const compiled = Object.fromEntries(
  Object.entries(patterns).map(([type, list]) => [type, list.map((p) => p.split('.'))]),
) as Record<RecordType, string[][]>;

/**
 * Whether a conflicting concurrent change to `path` (a sync field path, `members.<id>.sex`) of a record
 * of `type` must go to the supervisor's conflict queue rather than resolve by server order.
 */
export function isCriticalPath(type: RecordType, path: string): boolean {
  const segs = path.split('.');
  return compiled[type].some(
    (pattern) =>
      pattern.length <= segs.length &&
      pattern.every((p, i) => p === '*' || p === segs[i]) &&
      coversTail(pattern, segs),
  );
}

// `members.*` covers the line itself (`members.<id>`) but not every field under it; other patterns cover sub-paths.
function coversTail(pattern: string[], segs: string[]): boolean {
  if (pattern.length === segs.length) return true;
  return pattern[pattern.length - 1] !== '*';
}
