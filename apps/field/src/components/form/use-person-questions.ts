import { questionApplies, type Person, type PersonQuestion } from '@jigi/domain';
import { useEffect } from 'react';
import { useFormContext } from 'react-hook-form';

/**
 * Which of a person's questions the form shows (the domain's `questionApplies`, which the server's
 * rules use too). An answer left in a question that stops applying (the age or the sex was changed)
 * is cleared, as a form engine drops a non-relevant value: the rules would refuse it on a field the
 * enumerator can no longer see.
 */
export function usePersonQuestions(
  person: Person,
  fields: Partial<Record<PersonQuestion, string>>,
): Record<PersonQuestion, boolean> {
  const { getValues, setValue } = useFormContext();
  const shown = {
    maritalStatus: questionApplies('maritalStatus', person),
    attendsSchool: questionApplies('attendsSchool', person),
    highestLevel: questionApplies('highestLevel', person),
    mainActivity: questionApplies('mainActivity', person),
    pregnant: questionApplies('pregnant', person),
  };
  const hidden = (Object.entries(fields) as [PersonQuestion, string][])
    .filter(([q]) => !shown[q])
    .map(([, name]) => name)
    .join('|');
  useEffect(() => {
    if (hidden === '') return;
    for (const name of hidden.split('|'))
      if (getValues(name) !== undefined) setValue(name, undefined, { shouldDirty: true });
  }, [hidden, getValues, setValue]);
  return shown;
}
