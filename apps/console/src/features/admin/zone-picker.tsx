import { getArea, listCercles, listCommunes, listRegions } from '@jigi/domain';
import type { AdminVillage, Zone } from '@jigi/contract';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { SelectField } from './admin-list';

// Zones are chosen by name from the Mali geography (region → cercle → commune → village), never typed
// as codes: the picker adds the deepest level chosen.

/** « Cercle de Koro (Mopti) », as the server names a zone it sends. */
export function useZoneLabel() {
  const { t } = useTranslation('admin');
  return (code: string, villages: readonly AdminVillage[]): string => {
    const village = villages.find((v) => v.id === code);
    if (village !== undefined)
      return t('zones.village', { name: village.name, path: village.communeName });
    const area = getArea(code);
    if (area === undefined) return code;
    const parents: string[] = [];
    for (let p = getArea(area.parentCode ?? ''); p !== undefined; p = getArea(p.parentCode ?? ''))
      parents.push(p.name);
    return t(`zones.${area.level}_level`, { name: area.name, path: parents.join(', ') });
  };
}

export function ZonePicker({
  zones,
  onChange,
  villages,
}: {
  zones: readonly Zone[];
  onChange: (zones: Zone[]) => void;
  villages: readonly AdminVillage[];
}) {
  const { t } = useTranslation('admin');
  const label = useZoneLabel();
  const [region, setRegion] = useState('');
  const [cercle, setCercle] = useState('');
  const [commune, setCommune] = useState('');
  const [village, setVillage] = useState('');
  const chosen = village || commune || cercle || region;
  const villagesOfCommune = villages.filter((v) => v.communeCode === commune);
  const add = () => {
    if (chosen === '' || zones.some((z) => z.code === chosen)) return;
    onChange([...zones, { code: chosen, label: label(chosen, villages) }]);
    setVillage('');
  };
  return (
    <fieldset className="field">
      <legend>{t('zones.title')}</legend>
      {zones.length === 0 ? (
        <p>{t('zones.none')}</p>
      ) : (
        <ul className="list" aria-label={t('zones.chosen')}>
          {zones.map((z) => (
            <li key={z.code} className="row">
              <span className="grow">{z.label}</span>
              <Button
                className="btn-small"
                aria-label={t('zones.remove', { zone: z.label })}
                onClick={() => {
                  onChange(zones.filter((other) => other.code !== z.code));
                }}
              >
                {t('zones.removeShort')}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <div className="sup-filters">
        <SelectField
          label={t('zones.region')}
          value={region}
          allLabel={t('zones.pick')}
          options={listRegions().map((a) => ({ value: a.code, label: a.name }))}
          onChange={(v) => {
            setRegion(v);
            setCercle('');
            setCommune('');
            setVillage('');
          }}
        />
        {region !== '' && (
          <SelectField
            label={t('zones.cercle')}
            value={cercle}
            allLabel={t('zones.wholeRegion')}
            options={listCercles(region).map((a) => ({ value: a.code, label: a.name }))}
            onChange={(v) => {
              setCercle(v);
              setCommune('');
              setVillage('');
            }}
          />
        )}
        {cercle !== '' && (
          <SelectField
            label={t('zones.commune')}
            value={commune}
            allLabel={t('zones.wholeCercle')}
            options={listCommunes(cercle).map((a) => ({ value: a.code, label: a.name }))}
            onChange={(v) => {
              setCommune(v);
              setVillage('');
            }}
          />
        )}
        {commune !== '' && villagesOfCommune.length > 0 && (
          <SelectField
            label={t('zones.villageLabel')}
            value={village}
            allLabel={t('zones.wholeCommune')}
            options={villagesOfCommune.map((v) => ({ value: v.id, label: v.name }))}
            onChange={setVillage}
          />
        )}
      </div>
      <div>
        <Button disabled={chosen === ''} onClick={add}>
          {chosen === '' ? t('zones.add') : t('zones.addThis', { zone: label(chosen, villages) })}
        </Button>
      </div>
    </fieldset>
  );
}
