import { useEffect, useId, useRef } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FieldIssues, useHasError } from './field-issues';

export interface Option {
  value: string;
  label: string;
}

/** A native select (the tablet's own big picker). Empty → absent. */
/** `numeric`: the codes are numbers (a member number), stored as numbers. */
export function SelectField({
  name,
  label,
  options,
  hint,
  numeric = false,
}: {
  name: string;
  label: string;
  options: readonly Option[];
  hint?: string;
  numeric?: boolean;
}) {
  const id = useId();
  const { t } = useTranslation();
  const { register, getValues } = useFormContext();
  const invalid = useHasError(name);
  const element = useRef<HTMLSelectElement | null>(null);
  const { ref, ...field } = register(name, {
    setValueAs: (v: unknown) =>
      v === '' || v === undefined || v === null ? undefined : numeric ? Number(v) : v,
  });
  // Options loaded after the field registered (villages, households, from IndexedDB): show the value
  // the form already holds, which the browser could not select before its option existed.
  const optionKey = options.map((o) => o.value).join('|');
  useEffect(() => {
    const current: unknown = getValues(name);
    if (element.current && (typeof current === 'string' || typeof current === 'number'))
      element.current.value = String(current);
  }, [optionKey, getValues, name]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <p className="hint">{hint}</p>}
      <select
        id={id}
        aria-invalid={invalid}
        aria-describedby={`${id}-issues`}
        {...field}
        ref={(el) => {
          ref(el);
          element.current = el;
        }}
      >
        <option value="">{t('choose')}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldIssues name={name} id={`${id}-issues`} />
    </div>
  );
}
