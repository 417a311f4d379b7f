import { describe, expect, it } from 'vitest';
import { buildCiblageHousehold, buildMember } from '../ciblage/ciblage-samples';
import { sampleId, sampleIds } from '../../testing/sample-base';
import { addMonths, chooseRecipients, rosterSummary, stateChangeAllowed } from './register';

describe('the register', () => {
  it('ends a participation 36 months later, on the last day of a shorter month', () => {
    expect(addMonths('2026-03-14', 36)).toBe('2029-03-14');
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2027-12-31', 2)).toBe('2028-02-29');
  });

  it('makes the head’s adult wife titulaire and the head suppléant', () => {
    const r = chooseRecipients(buildCiblageHousehold());
    expect(r?.titulaire).toEqual({
      memberId: sampleIds.spouse,
      memberNo: 2,
      name: 'Fatoumata Ongoïba',
      sex: 'F',
    });
    expect(r?.suppleant?.memberId).toBe(sampleIds.head);
  });

  it('makes a woman head titulaire, with the oldest other adult as suppléant', () => {
    const h = buildCiblageHousehold({
      members: [
        buildMember({
          id: sampleId(1),
          memberNo: 1,
          relationToHead: 'chef',
          ageYears: 50,
          firstName: 'Awa',
        }),
        buildMember({
          id: sampleId(2),
          memberNo: 2,
          relationToHead: 'enfant',
          sex: 'M',
          ageYears: 24,
          firstName: 'Issa',
        }),
        buildMember({
          id: sampleId(3),
          memberNo: 3,
          relationToHead: 'enfant',
          ageYears: 12,
          firstName: 'Sali',
        }),
      ],
    });
    const r = chooseRecipients(h);
    expect(r?.titulaire.name).toBe('Awa Ongoïba');
    expect(r?.suppleant?.name).toBe('Issa Ongoïba');
  });

  it('falls back to the head when no adult woman lives in the household, and summarises the roster', () => {
    const h = buildCiblageHousehold({
      members: [
        buildMember({
          id: sampleId(1),
          memberNo: 1,
          relationToHead: 'chef',
          sex: 'M',
          ageYears: 70,
          firstName: 'Bakary',
        }),
      ],
    });
    expect(chooseRecipients(h)).toEqual({
      titulaire: { memberId: sampleId(1), memberNo: 1, name: 'Bakary Ongoïba', sex: 'M' },
    });
    expect(chooseRecipients(buildCiblageHousehold({ members: [] }))).toBeUndefined();
    expect(rosterSummary(buildCiblageHousehold()).map((m) => [m.memberNo, m.ageYears])).toEqual([
      [1, 45],
      [2, 38],
      [3, 12],
    ]);
  });
});

describe('register states', () => {
  it('lifts a suspension or exits, and an exit is final', () => {
    expect(stateChangeAllowed('enrolled', 'suspended')).toBe(true);
    expect(stateChangeAllowed('suspended', 'enrolled')).toBe(true);
    expect(stateChangeAllowed('suspended', 'exited')).toBe(true);
    expect(stateChangeAllowed('enrolled', 'enrolled')).toBe(false);
    expect(stateChangeAllowed('exited', 'enrolled')).toBe(false);
  });
});
