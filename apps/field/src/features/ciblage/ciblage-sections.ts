import type { Section } from '../../components/form/section-nav';

export const CIBLAGE_SECTIONS = [
  'identification',
  'consent',
  'roster',
  'dwelling',
  'assets',
  'livestock',
  'land',
  'food',
  'gps',
  'summary',
] as const;
export type CiblageSection = (typeof CIBLAGE_SECTIONS)[number];

// Field-name prefixes of each section (to outline a section that has errors).
const prefixes: Record<CiblageSection, readonly string[]> = {
  identification: [
    'villageId',
    'interviewDate',
    'householdCode',
    'cbtListRank',
    'headPhone',
    'headIdType',
    'headIdNo',
    'residenceStatus',
  ],
  consent: ['consent', 'result'],
  roster: ['members', 'respondentMemberId'],
  dwelling: ['dwelling'],
  assets: ['assets'],
  livestock: ['livestock', 'livestockConfirmed'],
  land: ['land'],
  food: ['foodSecurity', 'otherPrograms'],
  gps: ['gps', 'gpsUnavailableReason'],
  summary: [],
};

/** Sections shown: an interview that is not « complété » (refusal, absent…) stops after the result. */
export function ciblageSections(
  complete: boolean,
  title: (id: CiblageSection) => string,
): Section[] {
  const ids: readonly CiblageSection[] = complete
    ? CIBLAGE_SECTIONS
    : ['identification', 'consent', 'summary'];
  return ids.map((id) => ({ id, title: title(id), prefixes: prefixes[id] }));
}

export function isCiblageSection(value: string): value is CiblageSection {
  return (CIBLAGE_SECTIONS as readonly string[]).includes(value);
}
