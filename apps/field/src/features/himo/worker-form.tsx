import { validateRecord, type BeneficiaryHousehold, type HimoWorker } from '@jigi/domain';
import { useCallback, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { DraftGate } from '../../components/draft-gate';
import { ChoiceField } from '../../components/form/choice-field';
import { FinaliseBar } from '../../components/form/finalise-bar';
import { IssueSummary } from '../../components/form/issue-summary';
import { NumberField } from '../../components/form/number-field';
import { RecordFormProvider } from '../../components/form/record-form-provider';
import { SaveIndicator } from '../../components/form/save-indicator';
import { SelectField } from '../../components/form/select-field';
import { PhoneField } from '../../components/form/phone-field';
import { TextField } from '../../components/form/text-field';
import { YesNoField } from '../../components/form/yes-no-field';
import { useRecordForm } from '../../components/form/use-record-form';
import { Notice } from '../../components/notice';
import { Page } from '../../components/page';
import { RecordStatusNotice, StatusBadge } from '../../components/record-status';
import { textOf } from '../../lib/clean-record';
import { nowIso, todayIso } from '../../lib/clock';
import { useProgramSettings } from '../../lib/program-settings';
import { useSession } from '../../lib/session';
import { liveValue, useLive } from '../../lib/use-live';
import { finaliseRecord } from '../../storage/records';
import { getMicroproject, householdsOfVillages } from '../../storage/reference';
import type { AnyRecord, DraftRow, RecordRow } from '../../storage/types';
import { projectWorkers } from './himo-records';

export function WorkerForm({ id }: { id: string }) {
  const { user } = useSession();
  return (
    <DraftGate
      id={id}
      agentId={user.id}
      firstSection="worker"
      readOnly={(row) => <WorkerReadOnly row={row} />}
    >
      {(draft) => <WorkerEditor draft={draft} />}
    </DraftGate>
  );
}

function WorkerEditor({ draft }: { draft: DraftRow }) {
  const { t } = useTranslation('himo');
  const { user } = useSession();
  const settings = useProgramSettings();
  const projectId = textOf(draft.record, 'projectId');
  const project = liveValue(
    useLive(() => getMicroproject(projectId), [projectId]),
    undefined,
  );
  const roll = liveValue(
    useLive(() => projectWorkers(user.id, projectId), [user.id, projectId]),
    [],
  );
  const validate = useCallback(
    (r: AnyRecord, mode: 'draft' | 'final') => {
      // The worker this one replaces leaves the roll when this one is finalised.
      const replaced = r['isSubstitute'] === true ? r['replacesWorkerId'] : undefined;
      const others = roll
        .filter((w) => w.id !== r.id)
        .map((w) => (w.id === replaced ? { ...w, active: false } : w));
      return validateRecord(
        r,
        {
          today: todayIso(),
          settings,
          himoWorkers: others,
          ...(project ? { microprojects: [project] } : {}),
        },
        { draft: mode === 'draft' },
      ).issues;
    },
    [settings, roll, project],
  );
  const engine = useRecordForm({ draft, agentId: user.id, validate });
  const finalise = engine.finalise;
  // Finalising a substitute also takes the replaced worker off the roll (its own patch).
  const withReplacement = useCallback(async () => {
    const res = await finalise();
    const values = engine.form.getValues();
    const replacedId = values['isSubstitute'] === true ? values['replacesWorkerId'] : undefined;
    const replaced = roll.find((w) => w.id === replacedId);
    if (res.ok && replaced?.active)
      await finaliseRecord({
        record: { ...(replaced as unknown as AnyRecord), active: false },
        agentId: user.id,
        now: nowIso(),
      });
    return res;
  }, [finalise, engine.form, roll, user.id]);
  return (
    <Page
      title={t('worker.title')}
      back={`/himo/p/${projectId}`}
      actions={<SaveIndicator status={engine.saveStatus} />}
    >
      <RecordFormProvider engine={engine}>
        {project && <p className="lead">{project.name}</p>}
        <WorkerFields villageIds={project?.villageIds ?? []} roll={roll} />
        <IssueSummary />
        <FinaliseBar
          engine={{ ...engine, finalise: withReplacement }}
          doneTo={`/himo/p/${projectId}`}
          draft={draft}
        />
      </RecordFormProvider>
    </Page>
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
      <YesNoField name="isPregnant" label={t('worker.isPregnant')} />
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
