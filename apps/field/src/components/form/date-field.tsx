import { formatDateFr, parseDateFr } from '@jigi/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { FieldIssues, useHasError } from './field-issues';

/**
 * A date typed as jj/mm/aaaa whatever the browser's language (a native date picker shows the
 * tablet's locale, often mm/dd/yyyy on an English Android); stored as ISO `YYYY-MM-DD`. Text that is
 * not a date yet is kept as typed, and the domain rules say what is wrong with it.
 */
export function DateField({ name, label }: { name: string; label: string }) {
  const id = useId();
  const { control } = useFormContext();
  const invalid = useHasError(name);
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <DateInput
          id={id}
          label={label}
          value={field.value as unknown}
          onChange={field.onChange}
          onBlur={field.onBlur}
          invalid={invalid}
          name={name}
        />
      )}
    />
  );
}

function DateInput({
  id,
  label,
  value,
  onChange,
  onBlur,
  invalid,
  name,
}: {
  id: string;
  label: string;
  value: unknown;
  onChange: (v: string | undefined) => void;
  onBlur: () => void;
  invalid: boolean;
  name: string;
}) {
  const [text, setText] = useState(() => shown(value));
  const emitted = useRef(value);
  // Follow changes made elsewhere (a resumed draft, a reset) without fighting the typing.
  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      setText(shown(value));
    }
  }, [value]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="numeric"
        placeholder="jj/mm/aaaa"
        autoComplete="off"
        aria-invalid={invalid}
        aria-describedby={`${id}-issues`}
        value={text}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          const parsed = parseDateFr(t);
          const next = t.trim() === '' ? undefined : parsed.ok ? parsed.value : t;
          emitted.current = next;
          onChange(next);
        }}
        onBlur={onBlur}
      />
      <FieldIssues name={name} id={`${id}-issues`} />
    </div>
  );
}

function shown(value: unknown): string {
  if (typeof value !== 'string') return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatDateFr(value) : value;
}
