import { recordTypeDescriptor, type MuacThresholds } from '@jigi/domain';
import type { JsonObject } from '@jigi/sync';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';

export type DerivedColumn = { key: string; header: string; cell: (row: JsonObject) => ReactNode };

/**
 * Values the form shows but never stores (a PNP child's age in months at the visit, MUAC colour),
 * computed by the record type's own derived columns for review. Headers are `derived.<key>` in the
 * console's catalogue, else the domain's French header.
 */
export function derivedColumns(
  type: string,
  field: string,
  record: JsonObject,
  thresholds: MuacThresholds,
  t: TFunction,
): DerivedColumn[] {
  const columns = recordTypeDescriptor(type)?.derived[field] ?? [];
  return columns.map((column) => ({
    key: `derived.${column.key}`,
    header: t(`derived.${column.key}`, { defaultValue: column.header }),
    cell: (row) => {
      const value = column.value(row, record, { muac: thresholds });
      if (value === undefined) return '—';
      const text = typeof value === 'string' ? (column.labels?.[value] ?? value) : value;
      return column.badge === 'muac' ? (
        <span className={`muac muac-${String(value)}`}>{text}</span>
      ) : (
        text
      );
    },
  }));
}
