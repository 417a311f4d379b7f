import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import { FieldIssues } from './field-issues';
import type { Option } from './select-field';

/** Several choices (themes, shocks): stored as an array of codes. */
export function CheckboxListField({ name, label, options }: { name: string; label: string; options: readonly Option[] }) {
  const id = useId();
  const { register } = useFormContext();
  return (
    <fieldset className="field choice" aria-describedby={`${id}-issues`}>
      <legend>{label}</legend>
      <div className="choice-options choice-column">
        {options.map((o) => (
          <label key={o.value} className="choice-option">
            <input type="checkbox" value={o.value} {...register(name)} />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      <FieldIssues name={name} id={`${id}-issues`} />
    </fieldset>
  );
}
