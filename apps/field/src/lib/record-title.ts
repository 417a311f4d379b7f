import { recordTypeDescriptor } from '@jigi/domain';
import type { AnyRecord } from '../storage/types';

/**
 * A one-line name of any record (head of household · code, caregiver · code, worker · code, a day), from
 * its type's title in the domain; '' when nothing names it yet. As typed: render it as text.
 */
export function recordTitle(record: AnyRecord): string {
  const title = recordTypeDescriptor(record.type)?.title(record);
  return title ? [title.title, title.subtitle].filter(Boolean).join(' · ') : '';
}
