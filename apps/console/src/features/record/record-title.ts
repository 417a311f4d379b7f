import { recordTypeDescriptor } from '@jigi/domain';
import type { JsonObject } from '@jigi/sync';
import type { TFunction } from 'i18next';

/**
 * One line that names a record for a supervisor (code and head, session number and date…): the
 * console's sentence for the type (`titles.<type>`) with the domain's title values, « — » for one
 * not filled in.
 */
export function recordTitle(type: string, data: JsonObject, t: TFunction): string {
  const title = recordTypeDescriptor(type)?.title(data);
  if (!title) return typeof data['id'] === 'string' ? data['id'] : type;
  const params = Object.fromEntries(
    Object.entries(title.params).map(([k, v]) => [k, v === '' ? '—' : v]),
  );
  return t(`titles.${type}`, params);
}
