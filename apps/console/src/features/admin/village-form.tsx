import type { AdminVillage } from '@jigi/contract';
import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { saveVillage } from './admin-api';

/** A village's name, PNP flag and quota (its id and commune stay: records point at them). */
export function VillageForm({
  village,
  onSaved,
  onCancel,
}: {
  village: AdminVillage;
  onSaved: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('admin');
  const id = useId();
  const [name, setName] = useState(village.name);
  const [pnp, setPnp] = useState(village.pnp);
  const [quota, setQuota] = useState(village.quota === undefined ? '' : String(village.quota));
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    setBusy(true);
    const result = await saveVillage({
      id: village.id,
      name,
      communeCode: village.communeCode,
      demo: village.demo,
      pnp,
      ...(quota.trim() === '' ? {} : { quota: Number(quota) }),
    });
    setBusy(false);
    if (result.ok) onSaved();
    else setError(result.error.kind === 'http' ? result.error.message : t('errorGeneric'));
  };
  return (
    <form
      className="stack"
      aria-label={t('villages.editOf', { name: village.name })}
      onSubmit={(e) => {
        void submit(e);
      }}
    >
      <h2>{t('villages.editOf', { name: village.name })}</h2>
      <p>{village.communeName}</p>
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('villages.name')}</label>
        <input
          id={`${id}-name`}
          required
          value={name}
          onChange={(e) => {
            setName(e.target.value);
          }}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-quota`}>{t('villages.quota')}</label>
        <input
          id={`${id}-quota`}
          inputMode="numeric"
          pattern="[0-9]*"
          value={quota}
          onChange={(e) => {
            setQuota(e.target.value);
          }}
        />
      </div>
      <label className="row">
        <input
          type="checkbox"
          checked={pnp}
          onChange={(e) => {
            setPnp(e.target.checked);
          }}
        />
        {t('villages.pnp')}
      </label>
      {error !== null && <Notice tone="error">{error}</Notice>}
      <div className="row">
        <Button type="submit" variant="primary" disabled={busy}>
          {t('save')}
        </Button>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </div>
    </form>
  );
}
