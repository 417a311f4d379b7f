import type { BeneficiaryHousehold, HimoWorker } from '@jigi/domain';
import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ChoiceField } from '../../components/form/choice-field';
import { IssueSummary } from '../../components/form/issue-summary';
import { NumberField } from '../../components/form/number-field';
import {
  RecordFormScreen,
  type RecordFormSpec,
  type SectionProps,
} from '../../components/form/record-form-screen';
import { SelectField } from '../../components/form/select-field';
import { PhoneField } from '../../components/form/phone-field';
import { TextField } from '../../components/form/text-field';
import { usePersonQuestions } from '../../components/form/use-person-questions';
import { YesNoField } from '../../components/form/yes-no-field';
import { Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { RecordStatusNotice, StatusBadge } from '../../components/record-status';
import { textOf } from '../../lib/clean-record';
import { nowIso } from '../../lib/clock';
import { liveValue, useLive } from '../../lib/use-live';
import { finaliseRecord } from '../../storage/records';
import { householdsOfVillages } from '../../storage/reference';
import type { AnyRecord, RecordRow } from '../../storage/types';
import { useProjectData, type ProjectData } from './himo-records';

function WorkerSection({ data: { project, roll } }: SectionProps<ProjectData>) {
  return (
    <>
      {project && <p className="lead">{project.name}</p>}
      <WorkerFields villageIds={project?.villageIds ?? []} roll={roll} />
      <IssueSummary />
    </>
  );
}

function WorkerFields({
  villageIds,
  roll,
}: {
  villageIds: readonly string[];
  roll: readonly HimoWorker[];
}) {
  const { t } = useTranslation('himo');
  const { setValue, getValues } = useFormContext();
  const households = liveValue(
    useLive(() => householdsOfVillages(villageIds), [villageIds.join(',')]),
    [] as BeneficiaryHousehold[],
  );
  const householdId = useWatch({ name: 'householdId' }) as string | undefined;
  const isSubstitute = useWatch({ name: 'isSubstitute' }) as boolean | undefined;
  const workerSex = useWatch({ name: 'sex' }) as string | undefined;
  const workerAge = useWatch({ name: 'age' }) as number | undefined;
  const shown = usePersonQuestions({ sex: workerSex, age: workerAge }, { pregnant: 'isPregnant' });
  const household = households.find((h) => h.id === householdId);
  const [memberNo, setMemberNo] = useState<string>(() =>
    String((getValues('memberNo') as number | undefined) ?? ''),
  );
  const sameHousehold = roll.filter(
    (w) => w.householdId === householdId && w.id !== getValues('id'),
  );
  const activeOther = sameHousehold.find((w) => w.active);
  const sex = [
    { value: 'F', label: t('options:sex.F', { defaultValue: 'Féminin' }) },
    { value: 'M', label: t('options:sex.M', { defaultValue: 'Masculin' }) },
  ];
  return (
    <>
      <div className="field">
        <label htmlFor="worker-household">{t('worker.household')}</label>
        <select
          id="worker-household"
          value={householdId ?? ''}
          onChange={(e) => {
            const h = households.find((x) => x.id === e.target.value);
            setValue('householdId', h?.id, { shouldDirty: true });
            setValue('householdCode', h?.householdCode, { shouldDirty: true });
            setValue('villageId', h?.villageId ?? getValues('villageId'), { shouldDirty: true });
          }}
        >
          <option value="">{t('common:choose')}</option>
          {households.map((h) => (
            <option key={h.id} value={h.id}>
              {h.householdCode} — {h.headName}
            </option>
          ))}
        </select>
      </div>
      {household?.members && household.members.length > 0 && (
        <div className="field">
          <label htmlFor="worker-member">{t('worker.member')}</label>
          <select
            id="worker-member"
            value={memberNo}
            onChange={(e) => {
              setMemberNo(e.target.value);
              const m = household.members?.find((x) => String(x.memberNo) === e.target.value);
              setValue('memberNo', m?.memberNo, { shouldDirty: true });
              if (m) {
                setValue('name', m.name, { shouldDirty: true });
                setValue('sex', m.sex, { shouldDirty: true });
                if (m.ageYears !== undefined) setValue('age', m.ageYears, { shouldDirty: true });
              }
            }}
          >
            <option value="">{t('worker.manual')}</option>
            {household.members.map((m) => (
              <option key={m.memberNo} value={String(m.memberNo)}>
                n°{m.memberNo} {m.name}
              </option>
            ))}
          </select>
        </div>
      )}
      {activeOther && !isSubstitute && (
        <Notice tone="warning">{t('worker.activeElsewhere', { name: activeOther.name })}</Notice>
      )}
      <TextField name="name" label={t('worker.name')} autoComplete="off" />
      <ChoiceField name="sex" label={t('worker.sex')} options={sex} />
      <NumberField name="age" label={t('worker.age')} />
      <TextField name="nina" label={t('worker.nina')} autoComplete="off" />
      <PhoneField name="phone" label={t('worker.phone')} />
      <YesNoField name="isSubstitute" label={t('worker.isSubstitute')} />
      {isSubstitute === true && (
        <>
          <SelectField
            name="replacesWorkerId"
            label={t('worker.replaces')}
            options={sameHousehold.map((w) => ({ value: w.id, label: w.name }))}
          />
          <TextField name="substituteReason" label={t('worker.substituteReason')} />
        </>
      )}
      {shown.pregnant && <YesNoField name="isPregnant" label={t('worker.isPregnant')} />}
      <YesNoField name="active" label={t('worker.active')} />
    </>
  );
}

function WorkerReadOnly({ row }: { row: RecordRow }) {
  const { t } = useTranslation('himo');
  return (
    <Page title={t('worker.title')} back={`/himo/p/${textOf(row.record, 'projectId')}`}>
      <StatusBadge status={row.syncStatus} />
      <RecordStatusNotice row={row} />
      <p className="lead">{typeof row.record['name'] === 'string' ? row.record['name'] : ''}</p>
    </Page>
  );
}

/** One worker on a microproject's roll: one active worker per household, substitutes replace one. */
export const workerForm: RecordFormSpec<ProjectData> = {
  recordType: 'himo_worker',
  ns: 'himo',
  title: 'worker.title',
  back: (record) => `/himo/p/${textOf(record, 'projectId')}`,
  sections: { worker: WorkerSection },
  readOnly: WorkerReadOnly,
  useData: useProjectData,
  ruleContext: ({ project, roll }, r) => {
    // The worker this one replaces leaves the roll when this one is finalised.
    const replaced = r['isSubstitute'] === true ? r['replacesWorkerId'] : undefined;
    const others = roll
      .filter((w) => w.id !== r.id)
      .map((w) => (w.id === replaced ? { ...w, active: false } : w));
    return { himoWorkers: others, ...(project ? { microprojects: [project] } : {}) };
  },
  // Finalising a substitute also takes the replaced worker off the roll (its own patch).
  afterFinalise: async (values, { roll }, agentId) => {
    const replacedId = values['isSubstitute'] === true ? values['replacesWorkerId'] : undefined;
    const replaced = roll.find((w) => w.id === replacedId);
    if (replaced?.active)
      await finaliseRecord({
        record: { ...(replaced as unknown as AnyRecord), active: false },
        agentId,
        now: nowIso(),
      });
  },
};

export function WorkerForm({ id }: { id: string }) {
  return <RecordFormScreen spec={workerForm} id={id} />;
}
