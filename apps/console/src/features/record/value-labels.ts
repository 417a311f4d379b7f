import { formatDateFr, formatFcfa, recordTypeDescriptor } from '@jigi/domain';
import type { Json } from '@jigi/sync';
import { formatDateTimeFr } from '../../lib/format';

// How a stored value reads on screen, by its field name: option codes through the French labels of
// the record type's own option lists (from its schema, so a name shared by two types reads each
// type's way), dates dd/mm/yyyy, FCFA amounts `15 000 FCFA`. Always text: field-captured strings are
// rendered by React as text nodes, never as HTML.

export type YesNo = { yes: string; no: string };

/** The last segment of a field path (`members.<id>.sex` → `sex`). */
export function leafName(path: string): string {
  return path.split('.').at(-1) ?? path;
}

/** A leaf value as French text; `undefined` and `null` read as an empty string. */
export function formatValue(
  recordType: string,
  path: string,
  value: Json | undefined,
  yesNo: YesNo,
): string {
  if (value === undefined || value === null) return '';
  const name = leafName(path);
  if (typeof value === 'boolean') return value ? yesNo.yes : yesNo.no;
  if (typeof value === 'number') {
    if (/Fcfa$/.test(name) && Number.isSafeInteger(value)) return formatFcfa(value);
    return String(value).replace('.', ',');
  }
  if (typeof value === 'string') {
    const labels = recordTypeDescriptor(recordType)?.valueLabels[name];
    if (labels?.[value] !== undefined) return labels[value];
    if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(value)) return formatDateTimeFr(value);
    if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return formatDateFr(value);
    return value;
  }
  if (Array.isArray(value)) {
    return value
      .map((item) =>
        typeof item === 'object' && item !== null
          ? JSON.stringify(item)
          : formatValue(recordType, path, item, yesNo),
      )
      .join(', ');
  }
  return JSON.stringify(value);
}
