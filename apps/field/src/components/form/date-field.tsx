import { formatBirthDateFr, parseBirthDateFr, parseDateFr } from '@jigi/domain';
import { useEffect, useId, useRef, useState } from 'react';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FieldIssues, useHasError } from './field-issues';

/**
 * A date typed as jj/mm/aaaa whatever the browser's language (a native date picker shows the
 * tablet's locale, often mm/dd/yyyy on an English Android); stored as ISO `YYYY-MM-DD`. Text that is
 * not a date yet is kept as typed, and the domain rules say what is wrong with it.
 *
 * A birth date (`precisionName`: its `dobPrecision` field) may also be typed mm/aaaa or aaaa, as ages
 * are often approximate: the domain stores the middle of the month or year, the precision is set to
 * « Mois » or « Année », and the date is shown again as it was typed.
 */
export function DateField({
  name,
  label,
  precisionName,
}: {
  name: string;
  label: string;
  precisionName?: string;
}) {
  const id = useId();
  const { t } = useTranslation();
  const { control, getValues, setValue } = useFormContext();
  const invalid = useHasError(name);
  const precision = useWatch({ name: precisionName ?? name, disabled: !precisionName }) as unknown;
  const approximate = precisionName
    ? {
        precision: typeof precision === 'string' ? precision : undefined,
        hint: t('birthDateHint'),
        onPrecision: (typed: string) => {
          const current = getValues(precisionName) as unknown;
          // A typed month or year says the precision; a full date only undoes one of those.
          if (typed !== 'exacte' || current === 'mois' || current === 'annee')
            if (current !== typed) setValue(precisionName, typed, { shouldDirty: true });
        },
      }
    : undefined;
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
          approximate={approximate}
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
  approximate,
}: {
  id: string;
  label: string;
  value: unknown;
  onChange: (v: string | undefined) => void;
  onBlur: () => void;
  invalid: boolean;
  name: string;
  approximate:
    | { precision: string | undefined; hint: string; onPrecision: (typed: string) => void }
    | undefined;
}) {
  const show = (v: unknown) => shown(v, approximate?.precision);
  const [text, setText] = useState(() => show(value));
  const emitted = useRef(value);
  // Follow changes made elsewhere (a resumed draft, a reset) without fighting the typing.
  useEffect(() => {
    if (value !== emitted.current) {
      emitted.current = value;
      setText(shown(value, approximate?.precision));
    }
  }, [value, approximate?.precision]);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {approximate && (
        <p className="hint" id={`${id}-hint`}>
          {approximate.hint}
        </p>
      )}
      <input
        id={id}
        name={name}
        inputMode="numeric"
        placeholder="jj/mm/aaaa"
        autoComplete="off"
        aria-invalid={invalid}
        aria-describedby={approximate ? `${id}-hint ${id}-issues` : `${id}-issues`}
        value={text}
        onChange={(e) => {
          const t = e.target.value;
          setText(t);
          const birth = approximate ? parseBirthDateFr(t) : undefined;
          const parsed = birth ?? parseDateFr(t);
          const next = t.trim() === '' ? undefined : parsed.ok ? parsed.value : t;
          emitted.current = next;
          onChange(next);
          if (approximate && birth?.ok) approximate.onPrecision(birth.precision);
        }}
        onBlur={onBlur}
      />
      <FieldIssues name={name} id={`${id}-issues`} />
    </div>
  );
}

function shown(value: unknown, precision: string | undefined): string {
  if (typeof value !== 'string') return '';
  return /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatBirthDateFr(value, precision) : value;
}
