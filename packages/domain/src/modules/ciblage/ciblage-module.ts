import { ciblageManifest } from './ciblage-manifest';
import { ciblageHouseholdSchema } from './ciblage-household';
import { ciblageV1ToV2, ciblageV2ToV3 } from './ciblage-migrations';
import { ciblageRules } from './ciblage-rules';
import type { AnyRecordData, ModuleDescriptor, SectionLayout } from '../module-descriptor';
import { defineRecordType, listField, objectField, textField } from '../record-type';

/** The head of household's name: the roster line marked « chef », '' when there is none yet. */
export function headOfHouseholdName(record: AnyRecordData): string {
  for (const line of listField(record['members'])) {
    const m = objectField(line);
    if (m['relationToHead'] === 'chef')
      return `${textField(m['firstName'])} ${textField(m['lastName'])}`.trim();
  }
  return '';
}

/**
 * A visit that did not lead to an interview (absent, refusal, moved, not found…): recorded by its
 * outcome alone and counted apart from the surveyed households. A record with no outcome yet is not one.
 */
export function isFailedVisit(record: AnyRecordData): boolean {
  const result = record['result'];
  return typeof result === 'string' && result !== 'complete';
}

// A failed visit (refusal, absence, moved…) records only who was visited and the visit's outcome.
const completed = { field: 'result', in: ['complete', null] } as const;

const sections: readonly SectionLayout[] = [
  {
    id: 'identification',
    fields: [
      'villageId',
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
  { id: 'roster', fields: ['members', 'respondentMemberId'], when: completed },
  { id: 'dwelling', fields: ['dwelling'], when: completed },
  { id: 'assets', fields: ['assets'], when: completed },
  { id: 'livestock', fields: ['livestock', 'livestockConfirmed'], when: completed },
  { id: 'land', fields: ['land'], when: completed },
  { id: 'food', fields: ['foodSecurity', 'otherPrograms'], when: completed },
  { id: 'gps', fields: ['gps', 'gpsUnavailableReason'], when: completed },
  { id: 'summary', fields: [] },
];

export const ciblageHousehold = defineRecordType({
  schema: ciblageHouseholdSchema,
  label: 'Ciblage (ménage)',
  migrations: { 1: ciblageV1ToV2, 2: ciblageV2ToV3 },
  rules: ciblageRules,
  criticalPaths: [
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
  sections,
  title: (record) => {
    const head = headOfHouseholdName(record);
    const code = textField(record['householdCode']);
    return { title: head, subtitle: code, params: { code, head } };
  },
  search: ['firstName', 'lastName', 'nickname', 'householdCode'],
  // A ciblage record is a household: its roster is keyed by the household.
  childKey: 'householdId',
});

/** Ciblage: one household questionnaire per household, by village. */
export const ciblageModule = {
  id: ciblageManifest.id,
  label: 'Ciblage des ménages',
  manifest: ciblageManifest,
  records: [ciblageHousehold],
  scope: { by: 'village' },
  reference: ['villages', 'settings'],
  indicators: [
    {
      id: 'ciblage.progress',
      title: 'Ciblage : ménages enquêtés et quota',
      recordType: ciblageHousehold.type,
      rows: { by: 'village' },
      columns: [
        {
          id: 'villageName',
          header: 'Village',
          unit: 'text',
          measure: { kind: 'reference', field: 'name' },
        },
        {
          id: 'quota',
          header: 'Quota',
          unit: 'count',
          measure: { kind: 'reference', field: 'quota' },
        },
        {
          id: 'surveyed',
          header: 'Enquêtés',
          unit: 'count',
          measure: { kind: 'records', where: { field: 'result', equals: 'complete' } },
        },
        // Counted apart: a visit without an interview is work done, not a household surveyed.
        {
          id: 'failedVisits',
          header: 'Visites sans entretien',
          unit: 'count',
          measure: {
            kind: 'computed',
            compute: ({ records }) => records(ciblageHousehold.type).filter(isFailedVisit).length,
          },
        },
      ],
    },
  ],
} as const satisfies ModuleDescriptor;
