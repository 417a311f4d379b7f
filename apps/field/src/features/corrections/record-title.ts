import { formatDateFr } from '@jigi/domain';
import { textOf } from '../../lib/clean-record';
import type { AnyRecord } from '../../storage/types';

type Member = { relationToHead?: string; firstName?: string; lastName?: string };

/** A human line for any record type (head of household, caregiver, worker, date), as typed: never HTML. */
export function recordTitle(record: AnyRecord): string {
  switch (record.type) {
    case 'ciblage_household': {
      const head = ((record['members'] ?? []) as Member[]).find((m) => m.relationToHead === 'chef');
      const name = head ? `${head.firstName ?? ''} ${head.lastName ?? ''}`.trim() : '';
      return [name, textOf(record, 'householdCode')].filter(Boolean).join(' · ');
    }
    case 'pnp_enrolment': {
      const h = record['household'] as
        { householdCode?: string; caregiver?: { name?: string } } | undefined;
      return [h?.caregiver?.name, h?.householdCode].filter(Boolean).join(' · ');
    }
    case 'himo_worker':
      return [textOf(record, 'name'), textOf(record, 'householdCode')].filter(Boolean).join(' · ');
    case 'ma_session':
    case 'himo_attendance':
      return formatDateFr(textOf(record, 'date'));
    default:
      return record.id;
  }
}
