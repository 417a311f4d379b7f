import { ageInMonths, muacColour, muacColourLabels, type MuacThresholds } from '@jigi/domain';
import type { JsonObject } from '@jigi/sync';
import type { ReactNode } from 'react';

export type DerivedColumn = { key: string; header: string; cell: (row: JsonObject) => ReactNode };

/**
 * Values the form shows but never stores, computed the domain's way for review: a PNP child's age in
 * months at the visit and MUAC colour.
 */
export function derivedColumns(
  type: string,
  field: string,
  record: JsonObject,
  thresholds: MuacThresholds,
  headers: { ageMonths: string; muacColour: string },
): DerivedColumn[] {
  if (type !== 'pnp_enrolment' || field !== 'children') return [];
  const visit = typeof record['visitDate'] === 'string' ? record['visitDate'] : undefined;
  return [
    {
      key: 'derived.ageMonths',
      header: headers.ageMonths,
      cell: (row) =>
        visit !== undefined && typeof row['dob'] === 'string'
          ? (ageInMonths(row['dob'], visit) ?? '—')
          : '—',
    },
    {
      key: 'derived.muacColour',
      header: headers.muacColour,
      cell: (row) => {
        const mm = row['muacMm'];
        if (typeof mm !== 'number') return '—';
        const colour = muacColour(mm, thresholds);
        return <span className={`muac muac-${colour}`}>{muacColourLabels[colour]}</span>;
      },
    },
  ];
}
