import { formatDateFr, parseDateFr } from '@jigi/domain';
import { useEffect, useId, useState } from 'react';

/**
 * A date filter typed jj/mm/aaaa whatever the browser's language (a native date input shows the
 * computer's locale, often mm/dd/yyyy). The filter changes only when the text is a date or empty,
 * so a half-typed date never sends a request.
 */
export function DateFilter({
  label,
  value,
  onChange,
  invalidText,
}: {
  label: string;
  value: string | undefined;
  onChange: (iso: string) => void;
  invalidText: string;
}) {
  const id = useId();
  const [text, setText] = useState(value ? formatDateFr(value) : '');
  useEffect(() => {
    setText((current) => {
      const parsed = parseDateFr(current);
      const same = (parsed.ok ? parsed.value : current.trim() === '' ? '' : null) === (value ?? '');
      return same ? current : value ? formatDateFr(value) : '';
    });
  }, [value]);
  const parsed = parseDateFr(text);
  const invalid = text.trim() !== '' && !parsed.ok;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="numeric"
        placeholder="jj/mm/aaaa"
        autoComplete="off"
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-err` : undefined}
        value={text}
        onChange={(e) => {
          const next = e.target.value;
          setText(next);
          const p = parseDateFr(next);
          if (next.trim() === '') onChange('');
          else if (p.ok) onChange(p.value);
        }}
      />
      {invalid && (
        <p id={`${id}-err`} className="issue issue-error">
          {invalidText}
        </p>
      )}
    </div>
  );
}
