import type { z } from 'zod';
import { fieldLabels } from '../rules/field-labels';
import { labelsOfSchema } from '../common/labelled-enum';
import type {
  DerivedColumn,
  ExportColumn,
  ExportTable,
  RecordSchema,
  RecordTypeDescriptor,
} from './module-descriptor';
import {
  codedFieldLabels,
  keyedListItem,
  keyedLists,
  schemaLeaves,
  valueKindOf,
} from './schema-fields';

/** What a module writes for one record type; the value labels and export tables are read from the schema. */
export type RecordTypeSpec<S extends RecordSchema> = Omit<
  RecordTypeDescriptor<S>,
  'type' | 'valueLabels' | 'exports' | 'derived'
> & {
  derived?: RecordTypeDescriptor<S>['derived'];
  /** Name of the parent id column of its child tables (`householdId` for a household's roster). */
  childKey?: string;
};

/** French statuses of the supervisor's review, as the record table's `reviewStatus` holds them. */
export const reviewStatusLabels = {
  received: 'À examiner',
  approved: 'Approuvé',
  returned: 'Renvoyé pour correction',
  rejected: 'Rejeté',
} as const;

/**
 * The columns every record table starts with, from the server's row rather than the record's data:
 * they are there even when no record matches the filter.
 */
export const recordTableFixedColumns: readonly ExportColumn[] = [
  { key: 'recordId', header: 'Identifiant de la fiche', kind: 'text' },
  { key: 'villageId', header: 'Village', kind: 'text' },
  { key: 'villageName', header: 'Nom du village', kind: 'text' },
  { key: 'demo', header: 'Village de démonstration', kind: 'boolean' },
  { key: 'reviewStatus', header: 'Statut d’examen', kind: 'text', labels: reviewStatusLabels },
  { key: 'version', header: 'Version', kind: 'number' },
  { key: 'warningCount', header: 'Avertissements', kind: 'number' },
  { key: 'createdBy', header: 'Saisie par', kind: 'text' },
  { key: 'receivedAt', header: 'Reçue le', kind: 'datetime' },
  { key: 'updatedAt', header: 'Modifiée le', kind: 'datetime' },
];

/** `dwelling.wall` → `Logement › Murs`: the French name of each segment. */
export function pathHeader(path: readonly string[]): string {
  return path.map((segment) => fieldLabels[segment] ?? segment).join(' › ');
}

function dataColumns(
  schema: Parameters<typeof schemaLeaves>[0],
  skip: readonly string[],
): ExportColumn[] {
  return schemaLeaves(schema, skip).map((leaf) => {
    const labels = labelsOfSchema(leaf.schema);
    return {
      key: leaf.path.join('.'),
      header: pathHeader(leaf.path),
      kind: valueKindOf(leaf.schema),
      ...(leaf.many ? { many: true } : {}),
      ...(labels ? { labels } : {}),
    };
  });
}

/**
 * A record type's export as the server writes it: the record table (fixed columns, then every value of
 * the record by dotted path, lists of values joined with `|`, keyed lists left out), then one table per
 * keyed list (the parent's id, its village, then every value of the item).
 */
export function exportTablesOf(
  schema: RecordSchema,
  label: string,
  childKey = 'recordId',
): ExportTable[] {
  const lists = keyedLists(schema);
  const fixed = new Set(recordTableFixedColumns.map((c) => c.key));
  const record: ExportTable = {
    id: '',
    title: label,
    columns: [
      ...recordTableFixedColumns,
      ...dataColumns(schema, lists).filter((c) => !fixed.has(c.key)),
    ],
  };
  const children = lists.map((list): ExportTable => {
    const field = (schema.shape as Readonly<Record<string, z.core.$ZodType | undefined>>)[list];
    const item = field ? keyedListItem(field) : undefined;
    const parent: ExportColumn = {
      key: childKey,
      header: childKey === 'recordId' ? 'Identifiant de la fiche' : pathHeader([childKey]),
      kind: 'text',
    };
    return {
      id: list,
      title: `${label} : ${pathHeader([list]).toLowerCase()}`,
      parentKey: childKey,
      columns: [
        parent,
        { key: 'villageId', header: pathHeader(['villageId']), kind: 'text' },
        ...(item ? dataColumns(item, []) : []),
      ],
    };
  });
  return [record, ...children];
}

/** A record type's descriptor: the module's spec, with its labels and exports read from the schema. */
export function defineRecordType<S extends RecordSchema>(
  spec: RecordTypeSpec<S>,
): RecordTypeDescriptor<S> {
  const { childKey, derived, ...rest } = spec;
  return {
    ...rest,
    type: spec.schema.shape.type.value,
    derived: derived ?? ({} satisfies Record<string, readonly DerivedColumn[]>),
    valueLabels: codedFieldLabels(spec.schema).labels,
    exports: exportTablesOf(spec.schema, spec.label, childKey),
  };
}

/** A field as text: strings as they are, numbers written out, anything else empty. */
export function textField(value: unknown): string {
  return typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';
}

/** A nested object field, or an empty one. */
export function objectField(value: unknown): Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : {};
}

/** A list field, or an empty one. */
export function listField(value: unknown): readonly unknown[] {
  return Array.isArray(value) ? value : [];
}
