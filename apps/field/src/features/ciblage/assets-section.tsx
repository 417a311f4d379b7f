import { assetKeys } from '@jigi/domain';
import { useTranslation } from 'react-i18next';
import { CountGrid } from '../../components/form/count-grid';

export function AssetsSection() {
  const { t } = useTranslation('ciblage');
  return (
    <CountGrid
      prefix="assets"
      keys={assetKeys}
      label={(k) => t(`assets.${k}`)}
      zeroLabel={t('zeroRest')}
    />
  );
}
