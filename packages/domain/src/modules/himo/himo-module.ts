import { formatDateFr } from '../../common/format';
import type { ComputeInput, ModuleDescriptor } from '../module-descriptor';
import { defineRecordType, textField } from '../record-type';
import { himoManifest } from './himo-manifest';
import { himoAttendanceSchema, himoPaymentSchema, himoWorkerSchema } from './himo-records';
import { himoPay } from './himo-pay';
import { himoAttendanceRules, himoPaymentRules, himoWorkerRules } from './himo-rules';

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

/** Days and wages due on a microproject over the period, from its sheets (`himoPay`, as the tablet). */
function projectPay({ reference, records, from, to }: ComputeInput) {
  const wage = reference['dailyWageFcfa'];
  return himoPay({
    sheets: records(himoAttendance.type),
    projectId: textField(reference['projectId']),
    dailyWageFcfa: typeof wage === 'number' ? wage : 0,
    periodStart: from,
    periodEnd: to,
  });
}

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
          measure: { kind: 'computed', compute: (input) => projectPay(input).days },
        },
        {
          id: 'wagesDueFcfa',
          header: 'Salaires dus',
          unit: 'fcfa',
          measure: { kind: 'computed', compute: (input) => projectPay(input).amountFcfa },
        },
      ],
    },
  ],
} as const satisfies ModuleDescriptor;
