import { formatDateFr } from '@jigi/domain';
import type { JsonObject } from '@jigi/sync';
import type { TFunction } from 'i18next';

const text = (v: unknown): string =>
  typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';

/** The head of household's name from a ciblage roster, if a member is marked « chef ». */
export function headName(data: JsonObject): string {
  const members = Array.isArray(data['members']) ? data['members'] : [];
  for (const m of members) {
    if (typeof m === 'object' && m !== null && !Array.isArray(m) && m['relationToHead'] === 'chef')
      return `${text(m['firstName'])} ${text(m['lastName'])}`.trim();
  }
  return '';
}

/** One line that names a record for a supervisor (code and head, session number and date…). */
export function recordTitle(type: string, data: JsonObject, t: TFunction): string {
  switch (type) {
    case 'ciblage_household':
      return t('titles.ciblage_household', {
        code: text(data['householdCode']),
        head: headName(data) || '—',
      });
    case 'ma_session':
      return t('titles.ma_session', {
        no: text(data['sessionNo']),
        date: formatDateFr(text(data['date'])),
      });
    case 'pnp_enrolment': {
      const household = data['household'];
      const caregiver =
        typeof household === 'object' && household !== null && !Array.isArray(household)
          ? household['caregiver']
          : undefined;
      const name =
        typeof caregiver === 'object' && caregiver !== null && !Array.isArray(caregiver)
          ? text(caregiver['name'])
          : '';
      return t('titles.pnp_enrolment', { name: name || '—' });
    }
    case 'himo_worker':
      return t('titles.himo_worker', { name: text(data['name']) || '—' });
    case 'himo_attendance':
      return t('titles.himo_attendance', { date: formatDateFr(text(data['date'])) });
    case 'himo_payment':
      return t('titles.himo_payment', {
        from: formatDateFr(text(data['periodStart'])),
        to: formatDateFr(text(data['periodEnd'])),
      });
    default:
      return text(data['id']) || type;
  }
}
