import { normalizeMaliPhone } from '@jigi/domain';
import { useId } from 'react';
import { useFormContext } from 'react-hook-form';
import { FieldIssues, useHasError } from './field-issues';

/**
 * A Malian phone number as people write it (`76 12 34 56`, `0022376123456`, `+223 76…`), stored as
 * E.164 `+223XXXXXXXX` by the domain's normaliser; anything it cannot read is kept as typed and the
 * domain rule says why.
 */
export function PhoneField({ name, label }: { name: string; label: string }) {
  const id = useId();
  const { register } = useFormContext();
  const invalid = useHasError(name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="tel"
        inputMode="tel"
        placeholder="76 12 34 56"
        autoComplete="off"
        aria-invalid={invalid}
        aria-describedby={`${id}-issues`}
        {...register(name, {
          setValueAs: (v: unknown) => {
            if (typeof v !== 'string' || v.trim() === '') return undefined;
            const n = normalizeMaliPhone(v);
            return n.ok ? n.value : v;
          },
        })}
      />
      <FieldIssues name={name} id={`${id}-issues`} />
    </div>
  );
}
