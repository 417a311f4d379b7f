import { describe, expect, it } from 'vitest';
import { questionApplies, type PersonQuestion } from './person-questions';

const asked = (q: PersonQuestion, sex: string, ...ages: (number | undefined)[]) =>
  ages.map((age) => questionApplies(q, { sex, age }));

describe('questions that follow the person (ages of the roster questionnaire)', () => {
  it('marital status from 12, education level from 6, main activity from 10', () => {
    expect(asked('maritalStatus', 'M', 11, 12, undefined)).toEqual([false, true, true]);
    expect(asked('highestLevel', 'F', 5, 6)).toEqual([false, true]);
    expect(asked('mainActivity', 'F', 9, 10, 80)).toEqual([false, true, true]);
  });

  it('school attendance from 5 to 24', () => {
    expect(asked('attendsSchool', 'M', 4, 5, 24, 25)).toEqual([false, true, true, false]);
  });

  it('« Enceinte » only for a woman of 12 to 50', () => {
    expect(asked('pregnant', 'F', 11, 12, 50, 51, undefined)).toEqual([
      false,
      true,
      true,
      false,
      true,
    ]);
    expect(asked('pregnant', 'M', 30, undefined)).toEqual([false, false]);
    expect(questionApplies('pregnant', {})).toBe(false);
  });
});
