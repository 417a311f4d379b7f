import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import { FieldIssues, useHasError } from './field-issues';

/** Whole (or one-decimal) number; empty → absent, a comma is read as a decimal point. */
export function NumberField({
  name,
  label,
  hint,
  decimal = false,
  unit,
}: {
  name: string;
  label: string;
  hint?: string;
  decimal?: boolean;
  unit?: string;
}) {
  const id = useId();
  const { register } = useFormContext();
  const invalid = useHasError(name);
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {unit && <span className="unit"> ({unit})</span>}
      </label>
      {hint && <p className="hint">{hint}</p>}
      <input
        id={id}
        type="text"
        inputMode={decimal ? 'decimal' : 'numeric'}
        className="input-number"
        aria-invalid={invalid}
        aria-describedby={`${id}-issues`}
        {...register(name, {
          setValueAs: (v: unknown) => {
            if (v === '' || v === null || v === undefined) return undefined;
            if (typeof v === 'number') return v;
            if (typeof v !== 'string') return undefined;
            const n = Number(v.replace(',', '.').replace(/\s/g, ''));
            return Number.isNaN(n) ? v : n;
          },
        })}
      />
      <FieldIssues name={name} id={`${id}-issues`} />
    </div>
  );
}
