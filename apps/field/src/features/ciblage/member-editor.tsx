import { ciblageOptions as o, memberAge } from '@jigi/domain';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { ChoiceField } from '../../components/form/choice-field';
import { NumberField } from '../../components/form/number-field';
import { SelectField } from '../../components/form/select-field';
import { DateField } from '../../components/form/date-field';
import { TextField } from '../../components/form/text-field';
import { usePersonQuestions } from '../../components/form/use-person-questions';
import { YesNoField } from '../../components/form/yes-no-field';
import { toOptions } from '../../lib/options';

type Member = {
  id?: string;
  memberNo?: number;
  firstName?: string;
  lastName?: string;
  sex?: 'M' | 'F';
  dob?: string;
  ageYears?: number;
};

const WG = ['seeing', 'hearing', 'walking', 'remembering', 'selfCare', 'communicating'] as const;

/** One member at a time, full screen: labels stay unique and big, and the roster list stays light. */
export function MemberEditor({ index, onDone }: { index: number; onDone: () => void }) {
  const { t } = useTranslation('ciblage');
  const p = `members.${index}`;
  const memberNo = useWatch({ name: `${p}.memberNo` }) as number | undefined;
  const sex = useWatch({ name: `${p}.sex` }) as string | undefined;
  const members = (useWatch({ name: 'members' }) ?? []) as Member[];
  const interviewDate = useWatch({ name: 'interviewDate' }) as string | undefined;
  const self = members[index];
  const shown = usePersonQuestions(
    { sex, age: self ? memberAge(self, interviewDate) : undefined },
    {
      maritalStatus: `${p}.maritalStatus`,
      attendsSchool: `${p}.attendsSchool`,
      highestLevel: `${p}.highestLevel`,
      mainActivity: `${p}.mainActivity`,
      pregnant: `${p}.pregnant`,
    },
  );
  const mothers = members.filter((m) => m.sex === 'F' && m.id !== self?.id && m.id !== undefined);
  const opts = (labels: Readonly<Record<string, string>>, list: string) =>
    toOptions(labels, t, list);
  return (
    <section className="card" aria-label={t('roster.editTitle', { no: memberNo ?? '?' })}>
      <h3>{t('roster.editTitle', { no: memberNo ?? '?' })}</h3>
      <TextField name={`${p}.firstName`} label={t('fields.firstName')} autoComplete="off" />
      <TextField name={`${p}.lastName`} label={t('fields.lastName')} autoComplete="off" />
      <TextField name={`${p}.nickname`} label={t('fields.nickname')} autoComplete="off" />
      <ChoiceField
        name={`${p}.sex`}
        label={t('fields.sex')}
        options={[
          { value: 'M', label: t('options:sex.M', { defaultValue: 'Masculin' }) },
          { value: 'F', label: t('options:sex.F', { defaultValue: 'Féminin' }) },
        ]}
      />
      <SelectField
        name={`${p}.relationToHead`}
        label={t('fields.relationToHead')}
        options={opts(o.relationToHead.labels, 'relationToHead')}
      />
      <DateField name={`${p}.dob`} label={t('fields.dob')} precisionName={`${p}.dobPrecision`} />
      <SelectField
        name={`${p}.dobPrecision`}
        label={t('fields.dobPrecision')}
        options={opts(o.dobPrecision.labels, 'dobPrecision')}
      />
      <NumberField name={`${p}.ageYears`} label={t('fields.ageYears')} />
      <SelectField
        name={`${p}.motherMemberId`}
        label={t('fields.mother')}
        options={mothers.map((m) => ({
          value: m.id ?? '',
          label: `n°${m.memberNo ?? '?'} ${m.firstName ?? ''} ${m.lastName ?? ''}`,
        }))}
      />
      {shown.maritalStatus && (
        <SelectField
          name={`${p}.maritalStatus`}
          label={t('fields.maritalStatus')}
          options={opts(o.maritalStatus.labels, 'maritalStatus')}
        />
      )}
      <YesNoField name={`${p}.chronicIllness`} label={t('fields.chronicIllness')} />
      {shown.attendsSchool && (
        <SelectField
          name={`${p}.attendsSchool`}
          label={t('fields.attendsSchool')}
          options={opts(o.schoolAttendance.labels, 'schoolAttendance')}
        />
      )}
      {shown.highestLevel && (
        <SelectField
          name={`${p}.highestLevel`}
          label={t('fields.highestLevel')}
          options={opts(o.educationLevel.labels, 'educationLevel')}
        />
      )}
      <YesNoField name={`${p}.literate`} label={t('fields.literate')} />
      {shown.mainActivity && (
        <SelectField
          name={`${p}.mainActivity`}
          label={t('fields.mainActivity')}
          options={opts(o.mainActivity.labels, 'mainActivity')}
        />
      )}
      {shown.pregnant && <YesNoField name={`${p}.pregnant`} label={t('fields.pregnant')} />}
      <NumberField name={`${p}.absentMonths12m`} label={t('fields.absentMonths12m')} />
      <details>
        <summary className="btn btn-ghost">{t('fields.disability')}</summary>
        {WG.map((k) => (
          <SelectField
            key={k}
            name={`${p}.disability.${k}`}
            label={t(`fields.${k}`)}
            options={opts(o.wgDifficulty.labels, 'wgDifficulty')}
          />
        ))}
      </details>
      <Button variant="primary" onClick={onDone}>
        {t('roster.done')}
      </Button>
    </section>
  );
}
