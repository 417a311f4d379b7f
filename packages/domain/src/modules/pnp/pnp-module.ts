import { ageInMonths } from '../../common/dates';
import { muacColour, muacColourLabels } from '../../rules/muac';
import type { ModuleDescriptor } from '../module-descriptor';
import { defineRecordType, objectField, textField } from '../record-type';
import { pnpEnrolmentSchema } from './pnp-enrolment';
import { pnpManifest } from './pnp-manifest';
import { pnpRules } from './pnp-rules';

export const pnpEnrolment = defineRecordType({
  schema: pnpEnrolmentSchema,
  label: 'Inscription PNP',
  migrations: {},
  rules: pnpRules,
  criticalPaths: [
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
  sections: [
    { id: 'household', fields: ['villageId', 'visitDate', 'household'] },
    { id: 'children', fields: ['children'] },
    { id: 'women', fields: ['women'] },
    // The point is taken last, once the visit is done, beside the summary.
    { id: 'summary', fields: ['gps'] },
  ],
  title: (record) => {
    const household = objectField(record['household']);
    const name = textField(objectField(household['caregiver'])['name']);
    const code = textField(household['householdCode']);
    return { title: name, subtitle: code, params: { name, code } };
  },
  search: ['name', 'householdCode'],
  // Age in months and MUAC colour are derived, never stored, so that a corrected date or threshold
  // can never disagree with them.
  derived: {
    children: [
      {
        key: 'ageMonths',
        header: 'Âge à la visite (mois)',
        value: (child, record) => {
          const dob = child['dob'];
          const visit = record['visitDate'];
          return typeof dob === 'string' && typeof visit === 'string'
            ? ageInMonths(dob, visit)
            : undefined;
        },
      },
      {
        key: 'muacColour',
        header: 'Couleur du PB',
        labels: muacColourLabels,
        badge: 'muac',
        value: (child, _record, settings) => {
          const mm = child['muacMm'];
          return typeof mm === 'number' ? muacColour(mm, settings.muac) : undefined;
        },
      },
    ],
  },
});

/** Children whose MUAC reads `colour` with the programme's thresholds. */
const childrenOfColour = (colour: 'red' | 'yellow' | 'green') =>
  ({ kind: 'items', list: 'children', where: { field: 'muacMm', muacColour: colour } }) as const;

/** PNP: one enrolment per household visit, in the villages that run PNP. */
export const pnpModule = {
  id: pnpManifest.id,
  label: 'Paquet nutritionnel préventif',
  manifest: pnpManifest,
  records: [pnpEnrolment],
  scope: { by: 'village' },
  reference: ['villages', 'beneficiaryHouseholds', 'settings'],
  indicators: [
    {
      id: 'pnp.muac',
      title: 'PNP : inscriptions par couleur du PB',
      recordType: pnpEnrolment.type,
      rows: { by: 'village' },
      columns: [
        {
          id: 'villageName',
          header: 'Village',
          unit: 'text',
          measure: { kind: 'reference', field: 'name' },
        },
        { id: 'red', header: 'Rouge', unit: 'count', measure: childrenOfColour('red') },
        { id: 'yellow', header: 'Jaune', unit: 'count', measure: childrenOfColour('yellow') },
        { id: 'green', header: 'Vert', unit: 'count', measure: childrenOfColour('green') },
        {
          id: 'unmeasured',
          header: 'Non mesuré',
          unit: 'count',
          measure: { kind: 'items', list: 'children', where: { field: 'muacMm', present: false } },
        },
        {
          id: 'referrals',
          header: 'Référés',
          unit: 'count',
          measure: {
            kind: 'items',
            list: 'children',
            where: {
              anyOf: [
                { field: 'referredTo', present: true },
                { field: 'oedema', equals: true },
              ],
            },
          },
        },
        {
          id: 'women',
          header: 'Femmes inscrites',
          unit: 'count',
          measure: { kind: 'items', list: 'women' },
        },
      ],
    },
  ],
} as const satisfies ModuleDescriptor;
