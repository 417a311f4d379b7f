import type { TFunction } from 'i18next';

export interface Option {
  value: string;
  label: string;
}

/**
 * A domain option list (codes → French labels) as select/radio options. The label goes through the
 * catalogue (`options:<list>.<code>`), with the domain's French label as the default, so a translator
 * can add Bambara labels without code while French stays defined in one place.
 */
export function toOptions(
  labels: Readonly<Record<string, string>>,
  t: TFunction,
  list: string,
): Option[] {
  return Object.entries(labels).map(([value, label]) => ({
    value,
    label: t(`options:${list}.${value}`, { defaultValue: label }),
  }));
}
