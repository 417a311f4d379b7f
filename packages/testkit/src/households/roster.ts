import { questionApplies, type HouseholdMember, type PersonQuestion } from '@jigi/domain';
import type { Prng } from '../prng';
import { femaleFirstNames, lastNames, maleFirstNames, nicknames } from './names';

/** Date of birth `age` completed years before `interviewDate` (YYYY-MM-DD), any day of the year. */
export function dobForAge(r: Prng, age: number, interviewDate: string): string {
  const [y, m, d] = interviewDate.split('-').map(Number) as [number, number, number];
  const month = r.int(1, 12);
  const day = r.int(1, 28);
  // A birthday still to come this year means one year earlier, so the completed age stays `age`.
  const year = y - age - (month > m || (month === m && day > d) ? 1 : 0);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

type Relation = HouseholdMember['relationToHead'];

/**
 * A plausible roster of `size` people (1–10): a head, the spouses of a male head, children who are
 * at least 13 years younger than their mother, then other kin. Ages and relations are drawn so
 * that `validateRecord` finds neither an error nor a warning; young children get a date of birth,
 * others an age in years, as enumerators record them.
 */
export function generateRoster(
  r: Prng,
  size: number,
  interviewDate: string,
): { head: HouseholdMember; members: HouseholdMember[] } {
  const headSex = r.chance(0.8) ? 'M' : 'F';
  const headAge = r.int(25, 75);
  const family = r.pick(lastNames);
  const members: HouseholdMember[] = [];
  const add = (
    relation: Relation,
    sex: 'M' | 'F',
    age: number,
    extra: Partial<HouseholdMember> = {},
  ): HouseholdMember => {
    const m = person(
      r,
      members.length + 1,
      relation,
      sex,
      age,
      interviewDate,
      relation === 'conjoint' ? r.pick(lastNames) : family,
    );
    Object.assign(m, extra);
    members.push(m);
    return m;
  };

  const head = add('chef', headSex, headAge, {
    maritalStatus: headSex === 'M' ? 'marie_monogame' : r.pick(['veuf', 'divorce'] as const),
  });
  const mothers: { id: string; age: number }[] =
    headSex === 'F' ? [{ id: head.id, age: headAge }] : [];
  const spouses = headSex === 'M' ? Math.min(size - 1, r.pick([0, 1, 1, 1, 2])) : 0;
  for (let i = 0; i < spouses; i++) {
    const age = Math.max(18, headAge - r.int(0, 15));
    const spouse = add('conjoint', 'F', age, {
      maritalStatus: spouses > 1 ? 'marie_polygame' : 'marie_monogame',
    });
    mothers.push({ id: spouse.id, age });
  }
  if (spouses > 1) head.maritalStatus = 'marie_polygame';
  while (members.length < size) {
    const mother = mothers.length > 0 && r.chance(0.75) ? r.pick(mothers) : undefined;
    if (mother) {
      const age = r.int(0, Math.min(mother.age - 13, 30));
      // The head is a mother found by relation; a spouse is named explicitly.
      add(
        'enfant',
        r.chance(0.5) ? 'M' : 'F',
        age,
        mother.id === head.id ? {} : { motherMemberId: mother.id },
      );
    } else {
      const relation = r.pick([
        'petit_enfant',
        'frere_soeur',
        'neveu_niece',
        'parent',
        'autre_parent',
      ] as const);
      const age =
        relation === 'petit_enfant'
          ? r.int(0, Math.max(0, Math.min(12, headAge - 36)))
          : relation === 'frere_soeur'
            ? r.int(Math.max(12, headAge - 12), Math.min(100, headAge + 12))
            : relation === 'parent'
              ? r.int(Math.min(100, headAge + 18), Math.min(100, headAge + 32))
              : r.int(0, 25);
      add(relation, r.chance(0.5) ? 'M' : 'F', age);
    }
  }
  return { head, members };
}

function person(
  r: Prng,
  memberNo: number,
  relation: Relation,
  sex: 'M' | 'F',
  age: number,
  interviewDate: string,
  lastName: string,
): HouseholdMember {
  const m: HouseholdMember = {
    id: r.uuid(),
    memberNo,
    firstName: r.pick(sex === 'M' ? maleFirstNames : femaleFirstNames),
    lastName,
    sex,
    relationToHead: relation,
  };
  if (age < 5) {
    m.dob = dobForAge(r, age, interviewDate);
    m.dobPrecision = r.pick(['exacte', 'mois', 'mois', 'estimee'] as const);
  } else {
    m.ageYears = age;
  }
  if (r.chance(0.1)) m.nickname = r.pick(nicknames);
  if (age >= 15 && m.maritalStatus === undefined)
    m.maritalStatus =
      age < 20 || relation === 'enfant'
        ? 'celibataire'
        : r.pick(['celibataire', 'marie_monogame', 'veuf'] as const);
  if (age >= 6 && age <= 17) {
    m.attendsSchool = r.pick(['non', 'classique', 'classique', 'medersa', 'coranique'] as const);
    m.mainActivity = m.attendsSchool === 'non' ? 'aide_familial' : 'eleve';
  } else if (age >= 18) {
    m.mainActivity = r.pick([
      'agriculture',
      'agriculture',
      'elevage',
      'commerce',
      'artisanat',
      'peche',
      'orpaillage',
    ] as const);
    m.highestLevel = r.pick([
      'aucun',
      'aucun',
      'coranique',
      'primaire_1',
      'fondamental_2',
    ] as const);
    m.literate = m.highestLevel !== 'aucun';
  }
  if (sex === 'F' && age >= 15 && age <= 45) m.pregnant = r.chance(0.08);
  if (age >= 5) m.chronicIllness = r.chance(0.05);
  if (r.chance(0.04)) {
    m.disability = {
      seeing: 'aucune',
      hearing: 'aucune',
      walking: r.pick(['quelque', 'beaucoup'] as const),
      remembering: 'aucune',
      selfCare: 'aucune',
      communicating: 'aucune',
    };
  }
  if (age >= 15 && r.chance(0.1)) m.absentMonths12m = r.int(1, 5);
  // Answers drawn above for a question the questionnaire does not ask this person are dropped (the
  // draws stay, so a seed still makes the same households otherwise).
  const asked = (q: PersonQuestion) => questionApplies(q, { sex, age });
  if (!asked('maritalStatus')) delete m.maritalStatus;
  if (!asked('attendsSchool')) delete m.attendsSchool;
  if (!asked('highestLevel')) delete m.highestLevel;
  if (!asked('mainActivity')) delete m.mainActivity;
  if (!asked('pregnant')) delete m.pregnant;
  return m;
}
