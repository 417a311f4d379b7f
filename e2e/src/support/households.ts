import type { MemberInput } from '../pages/ciblage-form-page';

/** Demo villages seeded by the server (README « Demo logins »). */
export const villages = {
  dioungani: 'village-koro-demo-1',
  madougou: 'village-koro-demo-2',
  segue: 'village-bankass-demo-1',
} as const;

/** An eight-person household: the head first, then his wife, children and his mother. */
export function eightMembers(lastName: string, headFirstName = 'Amadou'): MemberInput[] {
  return [
    { firstName: headFirstName, lastName, sex: 'M', relation: 'chef', age: 47 },
    { firstName: 'Fatoumata', lastName, sex: 'F', relation: 'conjoint', age: 39 },
    { firstName: 'Moussa', lastName, sex: 'M', relation: 'enfant', age: 17 },
    { firstName: 'Aïssata', lastName, sex: 'F', relation: 'enfant', age: 14 },
    { firstName: 'Boubacar', lastName, sex: 'M', relation: 'enfant', age: 11 },
    { firstName: 'Kadiatou', lastName, sex: 'F', relation: 'enfant', age: 8 },
    { firstName: 'Seydou', lastName, sex: 'M', relation: 'enfant', age: 4 },
    { firstName: 'Nana', lastName, sex: 'F', relation: 'enfant', age: 1 },
  ];
}

/** A two-person household, for scenarios about something else than the roster. */
export function twoMembers(lastName: string, headFirstName = 'Oumar'): MemberInput[] {
  return [
    { firstName: headFirstName, lastName, sex: 'M', relation: 'chef', age: 52 },
    { firstName: 'Mariam', lastName, sex: 'F', relation: 'conjoint', age: 44 },
  ];
}
