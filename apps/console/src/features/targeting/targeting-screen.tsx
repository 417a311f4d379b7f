import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/notice';
import { useScope } from '../../hooks/use-scope';
import { useUser } from '../../session/session';
import { FormulaPanel } from './formula-panel';
import { VillageTargeting } from './village-targeting';

/** Ciblage to enrolment, village by village, among the villages of the user's zones. */
export function TargetingScreen() {
  const { t } = useTranslation('targeting');
  const scope = useScope();
  const user = useUser();
  const [villageId, setVillageId] = useState('');
  if (!scope) return <Notice tone="info">{t('loadingVillages')}</Notice>;
  return (
    <div className="stack">
      {user.role === 'admin' && <FormulaPanel />}
      <div className="field">
        <label htmlFor="targeting-village">{t('village')}</label>
        <select
          id="targeting-village"
          value={villageId}
          onChange={(e) => {
            setVillageId(e.target.value);
          }}
        >
          <option value="">{t('chooseVillage')}</option>
          {scope.villages.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name}
            </option>
          ))}
        </select>
      </div>
      {villageId === '' ? (
        <Notice tone="info">{t('chooseVillageFirst')}</Notice>
      ) : (
        <VillageTargeting key={villageId} villageId={villageId} />
      )}
    </div>
  );
}
