import { validateRecord, type Issue, type ProgramSettings } from '@jigi/domain';
import type { AnyRecord } from '../../storage/types';

/** The domain rules; in draft mode unanswered questions are not reported yet. */
export function validateCiblage(
  record: AnyRecord,
  mode: 'draft' | 'final',
  settings: ProgramSettings,
  today: string,
): Issue[] {
  return validateRecord(record, { today, settings }, { draft: mode === 'draft' }).issues;
}
