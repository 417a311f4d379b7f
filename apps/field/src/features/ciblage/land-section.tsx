import { ciblageOptions } from '@jigi/domain';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/form/checkbox-field';
import { NumberField } from '../../components/form/number-field';
import { SelectField } from '../../components/form/select-field';
import { YesNoField } from '../../components/form/yes-no-field';
import { toOptions } from '../../lib/options';

export function LandSection() {
  const { t } = useTranslation('ciblage');
  const cultivates = useWatch({ name: 'land.cultivates' }) as boolean | undefined;
  return (
    <>
      <YesNoField name="land.cultivates" label={t('fields.cultivates')} />
      {cultivates === true && (
        <>
          <NumberField name="land.areaHa" label={t('fields.areaHa')} unit={t('hectares')} decimal />
          <CheckboxField name="land.areaUnknown" label={t('fields.areaUnknown')} />
          <SelectField
            name="land.tenure"
            label={t('fields.tenure')}
            options={toOptions(ciblageOptions.landTenure.labels, t, 'landTenure')}
          />
          <YesNoField name="land.irrigated" label={t('fields.irrigated')} />
        </>
      )}
    </>
  );
}
