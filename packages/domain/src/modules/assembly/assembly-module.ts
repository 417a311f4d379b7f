import { formatDateFr } from '../../common/format';
import type { ModuleDescriptor } from '../module-descriptor';
import { defineRecordType, textField } from '../record-type';
import { assemblyManifest } from './assembly-manifest';
import { assemblyRules } from './assembly-rules';
import { assemblyValidationSchema } from './assembly-validation';

export const assemblyValidation = defineRecordType({
  schema: assemblyValidationSchema,
  label: 'Assemblée villageoise de validation',
  migrations: {},
  rules: assemblyRules,
  // Who is kept or removed decides enrolment: concurrent changes go to the supervisor.
  criticalPaths: ['households.*', 'households.*.decision', 'minutesDecision', 'held'],
  sections: [
    { id: 'list', fields: ['publishedAt', 'quota', 'households'] },
    {
      id: 'meeting',
      fields: [
        'held',
        'date',
        'place',
        'chairedBy',
        'attendanceMen',
        'attendanceWomen',
        'minutesDecision',
        'minutesNote',
      ],
    },
    { id: 'summary', fields: [] },
  ],
  title: (record) => {
    const date = formatDateFr(textField(record['date']));
    return { title: date, subtitle: '', params: { date } };
  },
  search: ['headName', 'householdCode', 'place'],
});

/** Community validation of the ranked list, one record per village assembly. */
export const assemblyModule = {
  id: assemblyManifest.id,
  label: 'Validation communautaire',
  manifest: assemblyManifest,
  records: [assemblyValidation],
  scope: { by: 'village' },
  reference: ['villages', 'settings'],
  indicators: [],
} as const satisfies ModuleDescriptor;
