import { assemblyContestReason, validatedLines, type AssemblyLine } from '@jigi/domain';
import { useId, useState } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { ChoiceField } from '../../components/form/choice-field';
import { SelectField } from '../../components/form/select-field';
import { TextField } from '../../components/form/text-field';
import { toOptions } from '../../lib/options';

type Line = Pick<AssemblyLine, 'id' | 'listStatus'> &
  Partial<Pick<AssemblyLine, 'listRank' | 'householdCode' | 'headName' | 'decision'>>;

/** Kept, removed, added and the quota, always in view. */
export function AssemblyCounts() {
  const { t } = useTranslation('assembly');
  const lines = (useWatch({ name: 'households' }) ?? []) as Line[];
  const quota = useWatch({ name: 'quota' }) as number | undefined;
  const kept = validatedLines(lines).length;
  return (
    <div className="counts" role="status" aria-label={t('counts.label')}>
      <span className="pill pill-ok">{t('counts.kept', { count: kept })}</span>
      <span className="pill pill-off">
        {t('counts.removed', { count: lines.filter((l) => l.decision === 'retire').length })}
      </span>
      <span className="pill">{t('counts.quota', { quota: quota ?? 0 })}</span>
    </div>
  );
}

function LineEditor({ index, removed }: { index: number; removed: readonly Line[] }) {
  const { t } = useTranslation('assembly');
  const p = `households.${String(index)}`;
  const line = useWatch({ name: p }) as Line | undefined;
  if (!line) return null;
  const decisions =
    line.listStatus === 'selected' ? (['retenu', 'retire'] as const) : (['ajoute'] as const);
  const needsReason = line.decision === 'retire' || line.listStatus === 'added';
  const label = line.headName ?? '';
  return (
    <div className="card" data-testid={`assembly-line-${String(index)}`}>
      <p>
        <strong>
          {line.listRank !== undefined ? `${String(line.listRank)}. ` : ''}
          {label}
        </strong>
        {line.householdCode ? <span className="small"> · {line.householdCode}</span> : null}
        <br />
        <span className="small">{t(`listStatus.${line.listStatus}`)}</span>
      </p>
      {line.listStatus === 'added' ? (
        <TextField name={`${p}.headName`} label={t('fields.headName')} />
      ) : null}
      <ChoiceField
        name={`${p}.decision`}
        label={t('fields.decision', { name: label })}
        options={decisions.map((d) => ({ value: d, label: t(`decision.${d}`) }))}
      />
      {needsReason ? (
        <>
          <SelectField
            name={`${p}.contestReason`}
            label={t('fields.contestReason', { name: label })}
            options={toOptions(assemblyContestReason.labels, t, 'assemblyContestReason')}
          />
          <TextField name={`${p}.contestNote`} label={t('fields.contestNote')} />
        </>
      ) : null}
      {line.decision === 'ajoute' && removed.length > 0 ? (
        <SelectField
          name={`${p}.replacesLineId`}
          label={t('fields.replacesLineId', { name: label })}
          options={removed.map((r) => ({ value: r.id, label: r.headName ?? r.id }))}
        />
      ) : null}
    </div>
  );
}

/**
 * The list as the assembly hears it: the households within the quota (kept or removed), the waiting
 * list (a household may be added from it), and households the assembly adds. Names only: the
 * tablet never knows a score.
 */
export function ListSection() {
  const { t } = useTranslation('assembly');
  const nameId = useId();
  const { control } = useFormContext();
  const { fields, append } = useFieldArray({ control, name: 'households', keyName: '_key' });
  const lines = (useWatch({ name: 'households' }) ?? []) as Line[];
  const removed = lines.filter((l) => l.decision === 'retire');
  const [newName, setNewName] = useState('');
  return (
    <div>
      <AssemblyCounts />
      {fields.map((f, index) => (
        <LineEditor key={f._key} index={index} removed={removed} />
      ))}
      <div className="field">
        <label htmlFor={nameId}>{t('addName')}</label>
        <input
          id={nameId}
          value={newName}
          autoComplete="off"
          onChange={(e) => {
            setNewName(e.target.value);
          }}
        />
      </div>
      <Button
        disabled={newName.trim() === ''}
        onClick={() => {
          append({
            id: crypto.randomUUID(),
            listStatus: 'added',
            headName: newName.trim(),
            decision: 'ajoute',
          });
          setNewName('');
        }}
      >
        {t('add')}
      </Button>
    </div>
  );
}
