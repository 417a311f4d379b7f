import { issue, years, type Issue } from './issue';

// Which roster questions a person is asked, by age and sex (ciblage roster, HIMO roll). The form
// hides a question that does not apply and the rules refuse a value given to it, so the tablet and
// the server agree. Ages in completed years, as the RSU roster asks them.

/** Marital status is asked from this age. */
export const MARITAL_STATUS_MIN_AGE = 12;
/** School attendance is asked from this age to `SCHOOL_ATTENDANCE_MAX_AGE` (inclusive). */
export const SCHOOL_ATTENDANCE_MIN_AGE = 5;
export const SCHOOL_ATTENDANCE_MAX_AGE = 24;
/** Highest level of education is asked from this age. */
export const EDUCATION_LEVEL_MIN_AGE = 6;
/** Main activity is asked from this age. */
export const MAIN_ACTIVITY_MIN_AGE = 10;
/** « Enceinte » is asked of a woman of these ages (inclusive). */
export const PREGNANCY_MIN_AGE = 12;
export const PREGNANCY_MAX_AGE = 50;

/** The questions that depend on the person. */
export type PersonQuestion =
  'maritalStatus' | 'attendsSchool' | 'highestLevel' | 'mainActivity' | 'pregnant';

/** What decides: sex and age (unknown age: every age-bound question is asked). */
export type Person = { sex?: string | undefined; age?: number | undefined };

const within = (age: number | undefined, min: number, max = Infinity) =>
  age === undefined || (age >= min && age <= max);

/** Whether a question is asked of this person. « Enceinte » needs a woman (sex known). */
export function questionApplies(question: PersonQuestion, { sex, age }: Person): boolean {
  switch (question) {
    case 'maritalStatus':
      return within(age, MARITAL_STATUS_MIN_AGE);
    case 'attendsSchool':
      return within(age, SCHOOL_ATTENDANCE_MIN_AGE, SCHOOL_ATTENDANCE_MAX_AGE);
    case 'highestLevel':
      return within(age, EDUCATION_LEVEL_MIN_AGE);
    case 'mainActivity':
      return within(age, MAIN_ACTIVITY_MIN_AGE);
    case 'pregnant':
      return sex === 'F' && within(age, PREGNANCY_MIN_AGE, PREGNANCY_MAX_AGE);
  }
}

const who: Record<PersonQuestion, string> = {
  maritalStatus: `à partir de ${MARITAL_STATUS_MIN_AGE} ans`,
  attendsSchool: `de ${SCHOOL_ATTENDANCE_MIN_AGE} à ${SCHOOL_ATTENDANCE_MAX_AGE} ans`,
  highestLevel: `à partir de ${EDUCATION_LEVEL_MIN_AGE} ans`,
  mainActivity: `à partir de ${MAIN_ACTIVITY_MIN_AGE} ans`,
  pregnant: `à une femme de ${PREGNANCY_MIN_AGE} à ${PREGNANCY_MAX_AGE} ans`,
};

/**
 * An error for each question answered although it does not apply to the person. `fields` maps a
 * question to its label and path in the record; the message names the field, the person and the rule.
 */
export function notApplicableAnswers(input: {
  person: Person;
  answers: Partial<Record<PersonQuestion, unknown>>;
  fields: Partial<Record<PersonQuestion, { path: string; label: string }>>;
  rule: (question: PersonQuestion) => string;
  whom?: string;
}): Issue[] {
  const out: Issue[] = [];
  const { age, sex } = input.person;
  const given = [
    sex === 'M' ? 'un homme' : undefined,
    age !== undefined ? years(age) : undefined,
  ].filter(Boolean);
  for (const [q, field] of Object.entries(input.fields) as [
    PersonQuestion,
    { path: string; label: string },
  ][]) {
    if (input.answers[q] === undefined || questionApplies(q, input.person)) continue;
    out.push(
      issue(
        field.path,
        input.rule(q),
        'error',
        `${field.label}${input.whom ? ` (${input.whom})` : ''} : question posée seulement ${who[q]}${given.length > 0 ? ` (${given.join(', ')})` : ''}.`,
      ),
    );
  }
  return out;
}
