// The roll call's pure parts: what one tap writes on a line, who came, and which lines a search keeps.

export type MarkStatus = 'present' | 'absent' | 'excused';

/** Who came for a present household: the titulaire, a roster member, or someone off the roster. */
export type AttendeeChoice = 'titulaire' | `member:${number}` | 'substitute' | 'none';

interface LineValues {
  attendeeIsTitulaire?: boolean | undefined;
  attendeeMemberNo?: number | undefined;
  substitute?: object | undefined;
}

const NO_ATTENDEE = {
  attendeeIsTitulaire: undefined,
  attendeeMemberNo: undefined,
  substitute: undefined,
  minorAttendeeConfirmed: undefined,
};

/**
 * The values one tap on a status writes. « Présent » names the titulaire as the attendee unless
 * someone is already named (tapping again keeps a chosen substitute); absent or excused clears who
 * came, present clears the reason for absence — so no tap leaves a line the rules refuse.
 */
export function markValues(
  line: Readonly<Record<string, unknown>>,
  status: MarkStatus,
): Record<string, unknown> {
  if (status !== 'present') return { status, ...NO_ATTENDEE };
  const named =
    line['attendeeIsTitulaire'] === true ||
    line['attendeeMemberNo'] !== undefined ||
    line['substitute'] !== undefined;
  return {
    status,
    absenceReason: undefined,
    ...(named ? {} : { ...NO_ATTENDEE, attendeeIsTitulaire: true }),
  };
}

export function attendeeChoice(line: LineValues): AttendeeChoice {
  if (line.substitute !== undefined) return 'substitute';
  if (line.attendeeMemberNo !== undefined) return `member:${line.attendeeMemberNo}`;
  if (line.attendeeIsTitulaire === true) return 'titulaire';
  return 'none';
}

/** The values a change of « Qui est venu ? » writes: exactly one attendee. */
export function attendeeValues(choice: AttendeeChoice): Record<string, unknown> {
  if (choice === 'titulaire') return { ...NO_ATTENDEE, attendeeIsTitulaire: true };
  if (choice === 'substitute') return { ...NO_ATTENDEE, substitute: {} };
  if (choice === 'none') return NO_ATTENDEE;
  return { ...NO_ATTENDEE, attendeeMemberNo: Number(choice.slice('member:'.length)) };
}

/** Lower case without accents: « Kassogué » is found by « kassogue ». */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLocaleLowerCase('fr')
    .trim();
}

/**
 * Whether a household answers the search: every word of it in the titulaire's or head's name or the
 * household code.
 */
export function matchesSearch(
  household: { householdCode: string; headName?: string; titulaireName?: string | undefined },
  query: string,
): boolean {
  const words = searchKey(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const text = searchKey(
    [household.householdCode, household.headName ?? '', household.titulaireName ?? ''].join(' '),
  );
  return words.every((w) => text.includes(w));
}
