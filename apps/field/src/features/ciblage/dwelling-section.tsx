import { ciblageOptions as o } from '@jigi/domain';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../components/form/number-field';
import { SelectField } from '../../components/form/select-field';
import { TextField } from '../../components/form/text-field';
import { toOptions } from '../../lib/options';

export function DwellingSection() {
  const { t } = useTranslation('ciblage');
  const select = (key: string, labels: Readonly<Record<string, string>>) => (
    <SelectField
      key={key}
      name={`dwelling.${key}`}
      label={t(`fields.${key}`)}
      options={toOptions(labels, t, key)}
    />
  );
  return (
    <>
      {select('occupancy', o.occupancy.labels)}
      <NumberField name="dwelling.roomsCount" label={t('fields.roomsCount')} />
      {select('wall', o.wallMaterial.labels)}
      {select('roof', o.roofMaterial.labels)}
      {select('floor', o.floorMaterial.labels)}
      {select('water', o.waterSource.labels)}
      <NumberField name="dwelling.waterTimeMinutes" label={t('fields.waterTimeMinutes')} />
      {select('toilet', o.toiletType.labels)}
      {select('lighting', o.lightingSource.labels)}
      {select('cookingFuel', o.cookingFuel.labels)}
      <TextField name="dwelling.wasteDisposal" label={t('fields.wasteDisposal')} />
    </>
  );
}
