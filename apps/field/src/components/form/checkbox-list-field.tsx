import { useId } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { FieldIssues } from './field-issues';
import type { Option } from './select-field';

/** Several choices (themes, shocks): always stored as an array of codes (empty when none is ticked). */
export function CheckboxListField({
  name,
  label,
  options,
}: {
  name: string;
  label: string;
  options: readonly Option[];
}) {
  const id = useId();
  const { control } = useFormContext();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => {
        const selected = Array.isArray(field.value) ? (field.value as string[]) : [];
        return (
          <fieldset className="field choice" aria-describedby={`${id}-issues`}>
            <legend>{label}</legend>
            <div className="choice-options choice-column">
              {options.map((o) => (
                <label key={o.value} className="choice-option">
                  <input
                    type="checkbox"
                    checked={selected.includes(o.value)}
                    onChange={(e) => {
                      field.onChange(
                        e.target.checked
                          ? [...selected, o.value]
                          : selected.filter((v) => v !== o.value),
                      );
                    }}
                  />
                  <span>{o.label}</span>
                </label>
              ))}
            </div>
            <FieldIssues name={name} id={`${id}-issues`} />
          </fieldset>
        );
      }}
    />
  );
}
