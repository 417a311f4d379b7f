import { formatDateFr } from '../../common/format';
import type { AnyRecordData, ComputeInput, ModuleDescriptor } from '../module-descriptor';
import { defineRecordType, textField } from '../record-type';
import { himoManifest } from './himo-manifest';
import {
  himoAttendanceSchema,
  himoPaymentSchema,
  himoWorkerSchema,
  type HimoAttendance,
} from './himo-records';
import {
  computeDaysWorked,
  himoAttendanceRules,
  himoPaymentRules,
  himoWorkerRules,
} from './himo-rules';

export const himoWorker = defineRecordType({
  schema: himoWorkerSchema,
  label: 'Travailleur HIMO',
  migrations: {},
  rules: himoWorkerRules,
  criticalPaths: [
    'projectId',
    'householdId',
    'name',
    'sex',
    'age',
    'nina',
    'active',
    'isSubstitute',
  ],
  sections: [
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
  title: (record) => {
    const name = textField(record['name']);
    return { title: name, subtitle: textField(record['householdCode']), params: { name } };
  },
  search: ['name', 'householdCode'],
});

export const himoAttendance = defineRecordType({
  schema: himoAttendanceSchema,
  label: 'Présences HIMO',
  migrations: {},
  rules: himoAttendanceRules,
  criticalPaths: ['projectId', 'date', 'lines.*', 'lines.*.status'],
  // One screen on the tablet: the day, then a line per worker of the roll.
  sections: [{ id: 'sheet', fields: ['projectId', 'date', 'lines'] }],
  title: (record) => {
    const date = formatDateFr(textField(record['date']));
    return { title: date, subtitle: '', params: { date } };
  },
  search: [],
});

export const himoPayment = defineRecordType({
  schema: himoPaymentSchema,
  label: 'Paiement HIMO',
  migrations: {},
  rules: himoPaymentRules,
  criticalPaths: [
    'projectId',
    'workerId',
    'daysWorked',
    'amountFcfa',
    'dailyWageFcfa',
    'override',
    'periodStart',
    'periodEnd',
  ],
  sections: [
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
  title: (record) => {
    const from = formatDateFr(textField(record['periodStart']));
    const to = formatDateFr(textField(record['periodEnd']));
    return { title: [from, to].filter(Boolean).join(' – '), subtitle: '', params: { from, to } };
  },
  search: [],
});

/** Days worked on a microproject over the period by the workers active on its roll. */
function daysWorked({ reference, records, from, to }: ComputeInput): number {
  const projectId = textField(reference['projectId']);
  const sheets = records(himoAttendance.type) as unknown as HimoAttendance[];
  return activeWorkers(records(himoWorker.type)).reduce(
    (sum, w) => sum + computeDaysWorked(sheets, projectId, textField(w['id']), from, to),
    0,
  );
}

const activeWorkers = (workers: readonly AnyRecordData[]) =>
  workers.filter((w) => w['active'] === true);

/** HIMO: a roll of workers, daily sheets and payments per microproject (one worker per household). */
export const himoModule = {
  id: himoManifest.id,
  label: 'Travaux HIMO',
  manifest: himoManifest,
  records: [himoWorker, himoAttendance, himoPayment],
  scope: { by: 'microproject', field: 'projectId' },
  reference: ['villages', 'microprojects', 'beneficiaryHouseholds', 'settings'],
  indicators: [
    {
      id: 'himo.microprojects',
      title: 'HIMO : jours travaillés et salaires dus',
      recordType: himoWorker.type,
      rows: { by: 'microproject', field: 'projectId' },
      columns: [
        {
          id: 'name',
          header: 'Microprojet',
          unit: 'text',
          measure: { kind: 'reference', field: 'name' },
        },
        {
          id: 'workers',
          header: 'Travailleurs',
          unit: 'count',
          measure: { kind: 'records', where: { field: 'active', equals: true } },
        },
        {
          id: 'daysWorked',
          header: 'Jours travaillés',
          unit: 'days',
          measure: { kind: 'computed', compute: daysWorked },
        },
        {
          id: 'wagesDueFcfa',
          header: 'Salaires dus',
          unit: 'fcfa',
          measure: {
            kind: 'computed',
            compute: (input) => {
              const wage = input.reference['dailyWageFcfa'];
              return Math.round(daysWorked(input) * (typeof wage === 'number' ? wage : 0));
            },
          },
        },
      ],
    },
  ],
} as const satisfies ModuleDescriptor;
