import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import { FieldIssues, useHasError } from './field-issues';

const suffixRow = { display: 'flex', alignItems: 'center', gap: '0.5rem' } as const;

/** Whole (or one-decimal) number; empty → absent, a comma is read as a decimal point. */
export function NumberField({
  name,
  label,
  hint,
  decimal = false,
  unit,
  suffix,
}: {
  name: string;
  label: string;
  hint?: string;
  decimal?: boolean;
  unit?: string;
  /** A unit written after the box too, where a wrong unit is the usual mistake (PB in mm, not cm). */
  suffix?: string;
}) {
  const id = useId();
  const { register } = useFormContext();
  const invalid = useHasError(name);
  const input = (
    <input
      id={id}
      type="text"
      inputMode={decimal ? 'decimal' : 'numeric'}
      className="input-number"
      aria-invalid={invalid}
      aria-describedby={hint ? `${id}-hint ${id}-issues` : `${id}-issues`}
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
  );
  return (
    <div className="field">
      <label htmlFor={id}>
        {label}
        {unit && <span className="unit"> ({unit})</span>}
      </label>
      {hint && (
        <p className="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {suffix ? (
        <span style={suffixRow}>
          {input}
          <span className="input-suffix" aria-hidden="true">
            {suffix}
          </span>
        </span>
      ) : (
        input
      )}
      <FieldIssues name={name} id={`${id}-issues`} />
    </div>
  );
}
