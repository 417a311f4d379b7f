/** The screen of a record, by its type. */
export function recordPath(type: string, id: string): string {
  switch (type) {
    case 'ciblage_household':
      return `/ciblage/${id}`;
    case 'ma_session':
      return `/ma/${id}`;
    case 'pnp_enrolment':
      return `/pnp/${id}`;
    case 'himo_worker':
      return `/himo/worker/${id}`;
    case 'himo_attendance':
      return `/himo/sheet/${id}`;
    default:
      return '/';
  }
}
