import { ciblageOptions } from '@jigi/domain';
import { useEffect } from 'react';
import { useFormContext } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckboxListField } from '../../components/form/checkbox-list-field';
import { NumberField } from '../../components/form/number-field';
import { toOptions } from '../../lib/options';

export function FoodSection() {
  const { t } = useTranslation('ciblage');
  const { getValues, setValue } = useFormContext();
  // Once the section is asked, « no shock » is an answer: the list exists, empty.
  useEffect(() => {
    if (!Array.isArray(getValues('foodSecurity.shocks12m')))
      setValue('foodSecurity.shocks12m', [], { shouldDirty: true });
  }, [getValues, setValue]);
  return (
    <>
      <NumberField name="foodSecurity.mealsAdults" label={t('fields.mealsAdults')} />
      <NumberField name="foodSecurity.mealsChildren" label={t('fields.mealsChildren')} />
      <NumberField name="foodSecurity.hungerGapMonths" label={t('fields.hungerGapMonths')} />
      <CheckboxListField
        name="foodSecurity.shocks12m"
        label={t('fields.shocks12m')}
        options={toOptions(ciblageOptions.shockType.labels, t, 'shockType')}
      />
      <CheckboxListField
        name="otherPrograms"
        label={t('fields.otherPrograms')}
        options={toOptions(ciblageOptions.otherProgram.labels, t, 'otherProgram')}
      />
    </>
  );
}
