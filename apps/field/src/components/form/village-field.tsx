import { useTranslation } from 'react-i18next';
import { liveValue, useLive } from '../../lib/use-live';
import { allVillages } from '../../storage/reference';
import { Notice } from '../notice';
import { SelectField } from './select-field';

/** The villages pulled from the server (demo villages marked « démo »). */
export function VillageField({
  name,
  label,
  filter,
}: {
  name: string;
  label: string;
  filter?: (village: { id: string; pnp: boolean }) => boolean;
}) {
  const { t } = useTranslation();
  const villages = liveValue(useLive(allVillages, []), []);
  const shown = filter ? villages.filter(filter) : villages;
  return (
    <>
      <SelectField
        name={name}
        label={label}
        options={shown.map((v) => ({
          value: v.id,
          label: v.demo && !v.name.includes(t('demo')) ? `${v.name} (${t('demo')})` : v.name,
        }))}
      />
      {villages.length === 0 && <Notice tone="warning">{t('home:noReference')}</Notice>}
    </>
  );
}
