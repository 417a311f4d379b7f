import { useId } from 'react';
import { Controller, useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FieldIssues } from './field-issues';

/** A boolean as two big radio buttons « Oui » / « Non » (unanswered until tapped). */
export function YesNoField({ name, label }: { name: string; label: string }) {
  const id = useId();
  const { t } = useTranslation();
  const { control } = useFormContext();
  return (
    <Controller
      control={control}
      name={name}
      render={({ field }) => (
        <fieldset className="field choice" aria-describedby={`${id}-issues`}>
          <legend>{label}</legend>
          <div className="choice-options">
            {([true, false] as const).map((v) => (
              <label key={String(v)} className="choice-option">
                <input
                  type="radio"
                  name={field.name}
                  checked={field.value === v}
                  onChange={() => {
                    field.onChange(v);
                  }}
                  onBlur={field.onBlur}
                />
                <span>{v ? t('yes') : t('no')}</span>
              </label>
            ))}
          </div>
          <FieldIssues name={name} id={`${id}-issues`} />
        </fieldset>
      )}
    />
  );
}
