import { microprojectType, type HimoMicroproject } from '@jigi/domain';
import type { AdminVillage } from '@jigi/contract';
import { useId, useState, type SyntheticEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { Notice } from '../../components/notice';
import { saveMicroproject } from './admin-api';
import { SelectField } from './admin-list';

type Draft = {
  name: string;
  type: string;
  villageIds: string[];
  startDate: string;
  endDate: string;
  plannedDays: string;
  plannedWorkers: string;
  dailyWageFcfa: string;
  ngo: string;
};

const draftOf = (p: HimoMicroproject | undefined): Draft => ({
  name: p?.name ?? '',
  type: p?.type ?? microprojectType.codes[0],
  villageIds: p?.villageIds ?? [],
  startDate: p?.startDate ?? '',
  endDate: p?.endDate ?? '',
  plannedDays: p === undefined ? '' : String(p.plannedDays),
  plannedWorkers: p === undefined ? '' : String(p.plannedWorkers),
  dailyWageFcfa: p === undefined ? '' : String(p.dailyWageFcfa),
  ngo: p?.ngo ?? '',
});

/** A microproject: its villages chosen by name (its commune follows from the first one). */
export function MicroprojectForm({
  project,
  villages,
  onSaved,
  onCancel,
}: {
  project: HimoMicroproject | undefined;
  villages: readonly AdminVillage[];
  onSaved: (p: HimoMicroproject) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('admin');
  const id = useId();
  const [d, setD] = useState<Draft>(draftOf(project));
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof Draft) => (v: string) => {
    setD((old) => ({ ...old, [k]: v }));
  };
  const submit = async (e: SyntheticEvent) => {
    e.preventDefault();
    const first = villages.find((v) => v.id === d.villageIds[0]);
    const body = {
      ...(project ?? {}),
      projectId: project?.projectId ?? crypto.randomUUID(),
      name: d.name,
      type: d.type,
      communeCode: first?.communeCode ?? project?.communeCode ?? '',
      villageIds: d.villageIds,
      startDate: d.startDate,
      endDate: d.endDate,
      plannedDays: Number(d.plannedDays),
      plannedWorkers: Number(d.plannedWorkers),
      dailyWageFcfa: Number(d.dailyWageFcfa),
      ...(d.ngo.trim() === '' ? {} : { ngo: d.ngo }),
    } as HimoMicroproject;
    const result = await saveMicroproject(body);
    if (result.ok) onSaved(result.value);
    else setError(result.error.kind === 'http' ? result.error.message : t('errorGeneric'));
  };
  const input = (k: keyof Draft, label: string, type = 'text') => (
    <div className="field">
      <label htmlFor={`${id}-${k}`}>{label}</label>
      <input
        id={`${id}-${k}`}
        type={type}
        required={k !== 'ngo'}
        value={d[k]}
        onChange={(e) => {
          set(k)(e.target.value);
        }}
      />
    </div>
  );
  return (
    <form
      className="stack"
      aria-label={
        project ? t('microprojects.editOf', { name: project.name }) : t('microprojects.new')
      }
      onSubmit={(e) => {
        void submit(e);
      }}
    >
      <h2>
        {project ? t('microprojects.editOf', { name: project.name }) : t('microprojects.new')}
      </h2>
      {input('name', t('microprojects.name'))}
      <SelectField
        label={t('microprojects.type')}
        value={d.type}
        options={microprojectType.codes.map((c) => ({
          value: c,
          label: microprojectType.labels[c],
        }))}
        onChange={set('type')}
      />
      <fieldset className="field">
        <legend>{t('microprojects.villages')}</legend>
        {villages.map((v) => (
          <label key={v.id} className="row">
            <input
              type="checkbox"
              checked={d.villageIds.includes(v.id)}
              onChange={(e) => {
                setD((old) => ({
                  ...old,
                  villageIds: e.target.checked
                    ? [...old.villageIds, v.id]
                    : old.villageIds.filter((x) => x !== v.id),
                }));
              }}
            />
            {`${v.name} (${v.communeName})`}
          </label>
        ))}
      </fieldset>
      {input('startDate', t('microprojects.start'), 'date')}
      {input('endDate', t('microprojects.end'), 'date')}
      {input('plannedDays', t('microprojects.plannedDays'), 'number')}
      {input('plannedWorkers', t('microprojects.plannedWorkers'), 'number')}
      {input('dailyWageFcfa', t('microprojects.wage'), 'number')}
      {input('ngo', t('microprojects.ngo'))}
      {error !== null && <Notice tone="error">{error}</Notice>}
      <div className="row">
        <Button type="submit" variant="primary" disabled={d.villageIds.length === 0}>
          {t('save')}
        </Button>
        <Button onClick={onCancel}>{t('cancel')}</Button>
      </div>
    </form>
  );
}
