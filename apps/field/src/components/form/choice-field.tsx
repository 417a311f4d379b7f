import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import { FieldIssues } from './field-issues';
import type { Option } from './select-field';

/** Big radio buttons for short lists (sex, yes/no, status): one tap, readable in the sun. */
export function ChoiceField({
  name,
  label,
  options,
}: {
  name: string;
  label: string;
  options: readonly Option[];
}) {
  const id = useId();
  const { register } = useFormContext();
  return (
    <fieldset className="field choice" aria-describedby={`${id}-issues`}>
      <legend>{label}</legend>
      <div className="choice-options">
        {options.map((o) => (
          <label key={o.value} className="choice-option">
            <input type="radio" value={o.value} {...register(name)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldIssues name={name} id={`${id}-issues`} />
    </fieldset>
  );
}
