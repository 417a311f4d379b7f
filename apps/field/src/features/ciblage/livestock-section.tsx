import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/form/checkbox-field';
import { CountGrid } from '../../components/form/count-grid';

const LIVESTOCK = ['cattle', 'sheep', 'goats', 'camels', 'donkeys', 'horses', 'poultry'] as const;

export function LivestockSection() {
  const { t } = useTranslation('ciblage');
  return (
    <>
      <CountGrid
        prefix="livestock"
        keys={LIVESTOCK}
        label={(k) => t(`livestock.${k}`)}
        zeroLabel={t('zeroRest')}
      />
      <CheckboxField name="livestockConfirmed" label={t('fields.livestockConfirmed')} />
    </>
  );
}
