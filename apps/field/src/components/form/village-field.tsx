import { villageInZones } from '@jigi/domain';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../lib/session';
import { liveValue, useLive } from '../../lib/use-live';
import { allVillages } from '../../storage/reference';
import { Notice } from '../notice';
import { SelectField } from './select-field';

/**
 * The villages of the user's zones among those pulled to this tablet (demo villages marked « démo »).
 * A shared tablet holds every user's villages; offering another user's would make a record the server
 * refuses at sync.
 */
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
  const { user } = useSession();
  const pulled = liveValue(useLive(allVillages, []), []);
  const villages = pulled.filter((v) => user.role === 'admin' || villageInZones(v, user.zones));
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
