import { formatDateFr } from '../../common/format';
import type { ModuleDescriptor } from '../module-descriptor';
import { defineRecordType, textField } from '../record-type';
import { maManifest } from './ma-manifest';
import { maRules } from './ma-rules';
import { maSessionSchema } from './ma-session';

export const maSession = defineRecordType({
  schema: maSessionSchema,
  label: 'Séance MA',
  migrations: {},
  rules: maRules,
  criticalPaths: [
    'date',
    'attendance.*',
    'attendance.*.status',
    'attendance.*.attendeeMemberNo',
    'attendance.*.substitute',
  ],
  sections: [
    {
      id: 'session',
      fields: [
        'villageId',
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
    { id: 'summary', fields: [] },
  ],
  title: (record) => {
    const date = formatDateFr(textField(record['date']));
    return { title: date, subtitle: '', params: { date, no: textField(record['sessionNo']) } };
  },
  search: ['name', 'householdCode', 'place'],
});

const present = { field: 'status', equals: 'present' } as const;

/** MA: one record per session, with a line per beneficiary household of the village. */
export const maModule = {
  id: maManifest.id,
  label: 'Mesures d’accompagnement',
  manifest: maManifest,
  records: [maSession],
  scope: { by: 'village' },
  reference: ['villages', 'beneficiaryHouseholds', 'settings'],
  indicators: [
    {
      id: 'ma.sessions',
      title: 'MA : présence par séance',
      recordType: maSession.type,
      rows: { by: 'record' },
      columns: [
        {
          id: 'villageName',
          header: 'Village',
          unit: 'text',
          measure: { kind: 'reference', field: 'name' },
        },
        { id: 'date', header: 'Date', unit: 'date', measure: { kind: 'field', field: 'date' } },
        {
          id: 'sessionNo',
          header: 'Séance',
          unit: 'count',
          measure: { kind: 'field', field: 'sessionNo' },
        },
        {
          id: 'expected',
          header: 'Attendus',
          unit: 'count',
          measure: {
            kind: 'items',
            list: 'attendance',
            where: { field: 'expected', equals: true },
          },
        },
        {
          id: 'present',
          header: 'Présents',
          unit: 'count',
          measure: { kind: 'items', list: 'attendance', where: present },
        },
      ],
    },
    {
      id: 'ma.households',
      title: 'MA : présence par ménage sur le cycle',
      recordType: maSession.type,
      rows: { by: 'item', list: 'attendance' },
      columns: [
        {
          id: 'householdCode',
          header: 'Ménage',
          unit: 'text',
          measure: { kind: 'field', field: 'householdCode' },
        },
        {
          id: 'villageName',
          header: 'Village',
          unit: 'text',
          measure: { kind: 'reference', field: 'name' },
        },
        {
          id: 'sessions',
          header: 'Séances tenues',
          unit: 'count',
          measure: { kind: 'items', list: 'attendance' },
        },
        {
          id: 'present',
          header: 'Séances suivies',
          unit: 'count',
          measure: { kind: 'items', list: 'attendance', where: present },
        },
      ],
    },
  ],
} as const satisfies ModuleDescriptor;
