import { useId, type InputHTMLAttributes } from 'react';
import { useFormContext } from 'react-hook-form';
import { FieldIssues, useHasError } from './field-issues';

type Props = {
  name: string;
  label: string;
  hint?: string;
  type?: 'text' | 'tel' | 'date' | 'time';
} & Pick<
  InputHTMLAttributes<HTMLInputElement>,
  'autoComplete' | 'inputMode' | 'maxLength' | 'placeholder' | 'max' | 'min' | 'disabled'
>;

/** A text input bound to the form by name (uncontrolled: typing never re-renders the form). Empty → absent. */
export function TextField({ name, label, hint, type = 'text', ...rest }: Props) {
  const id = useId();
  const { register } = useFormContext();
  const invalid = useHasError(name);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint && <p className="hint">{hint}</p>}
      <input
        id={id}
        type={type}
        aria-invalid={invalid}
        aria-describedby={`${id}-issues`}
        {...rest}
        {...register(name, {
          setValueAs: (v: unknown) => (v === '' || v === null ? undefined : v),
        })}
      />
      <FieldIssues name={name} id={`${id}-issues`} />
    </div>
  );
}
