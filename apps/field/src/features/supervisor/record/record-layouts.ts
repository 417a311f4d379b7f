// The record view follows the form's own sections (the order an agent filled them in), by top-level
// field. Any field not listed still shows, under « Autres champs »: nothing stored is hidden from review.

export type LayoutSection = { id: string; fields: readonly string[] };

const envelope: LayoutSection = {
  id: 'envelope',
  fields: ['villageId', 'agentId', 'deviceId', 'capturedAt'],
};

const layouts: Readonly<Record<string, readonly LayoutSection[]>> = {
  ciblage_household: [
    {
      id: 'identification',
      fields: [
        'interviewDate',
        'householdCode',
        'cbtListRank',
        'headPhone',
        'headIdType',
        'headIdNo',
        'residenceStatus',
      ],
    },
    { id: 'consent', fields: ['consent', 'result'] },
    { id: 'roster', fields: ['respondentMemberId', 'members'] },
    { id: 'dwelling', fields: ['dwelling'] },
    { id: 'assets', fields: ['assets'] },
    { id: 'livestock', fields: ['livestock', 'livestockConfirmed'] },
    { id: 'land', fields: ['land'] },
    { id: 'food', fields: ['foodSecurity', 'otherPrograms'] },
    { id: 'gps', fields: ['gps', 'gpsUnavailableReason'] },
  ],
  ma_session: [
    {
      id: 'session',
      fields: [
        'date',
        'startTime',
        'durationMin',
        'sessionNo',
        'themes',
        'facilitator',
        'partnerNgo',
        'languageUsed',
        'place',
        'supportsUsed',
        'menCount',
        'womenCount',
        'observations',
      ],
    },
    { id: 'attendance', fields: ['attendance'] },
  ],
  pnp_enrolment: [
    { id: 'household', fields: ['visitDate', 'household', 'gps'] },
    { id: 'children', fields: ['children'] },
    { id: 'women', fields: ['women'] },
  ],
  himo_worker: [
    {
      id: 'worker',
      fields: [
        'projectId',
        'householdId',
        'householdCode',
        'memberNo',
        'name',
        'sex',
        'age',
        'nina',
        'phone',
        'isSubstitute',
        'replacesWorkerId',
        'substituteReason',
        'isPregnant',
        'active',
      ],
    },
  ],
  himo_attendance: [
    { id: 'sheet', fields: ['projectId', 'date'] },
    { id: 'lines', fields: ['lines'] },
  ],
  himo_payment: [
    {
      id: 'payment',
      fields: [
        'projectId',
        'workerId',
        'periodStart',
        'periodEnd',
        'daysWorked',
        'dailyWageFcfa',
        'amountFcfa',
        'override',
        'paidDate',
        'mode',
        'txnRef',
        'paidTo',
      ],
    },
  ],
};

const hidden = new Set(['id', 'type', 'schemaVersion']);

/** Sections of a record type with the record's leftover fields appended. */
export function layoutOf(type: string, data: Readonly<Record<string, unknown>>): LayoutSection[] {
  const sections = [envelope, ...(layouts[type] ?? [])];
  const listed = new Set(sections.flatMap((s) => s.fields));
  const rest = Object.keys(data).filter((k) => !listed.has(k) && !hidden.has(k));
  return rest.length > 0 ? [...sections, { id: 'other', fields: rest }] : sections;
}
