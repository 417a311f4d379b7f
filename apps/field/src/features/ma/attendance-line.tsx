import { attendanceStatus, MA_ATTENDEE_MIN_AGE, type BeneficiaryHousehold } from '@jigi/domain';
import { memo, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/form/checkbox-field';
import { ChoiceField } from '../../components/form/choice-field';
import { NumberField } from '../../components/form/number-field';
import { SelectField } from '../../components/form/select-field';
import { TextField } from '../../components/form/text-field';
import { toOptions } from '../../lib/options';

/**
 * One beneficiary household's line. Its status is one radio group, so a household can never be
 * marked present twice; memoised and subscribed to its own line only.
 */
export const AttendanceLine = memo(function AttendanceLine({
  index,
  household,
}: {
  index: number;
  household: BeneficiaryHousehold | undefined;
}) {
  const { t } = useTranslation('ma');
  const { getValues, setValue } = useFormContext();
  const p = `attendance.${index}`;
  const code = (useWatch({ name: `${p}.householdCode` }) as string | undefined) ?? '';
  const status = useWatch({ name: `${p}.status` }) as string | undefined;
  const [substitute, setSubstitute] = useState(() => getValues(`${p}.substitute`) !== undefined);
  const members = household?.members ?? [];
  const memberNo = useWatch({ name: `${p}.attendeeMemberNo` }) as number | undefined;
  const substituteAge = useWatch({ name: `${p}.substitute.ageYears` }) as number | undefined;
  const attendeeAge = substitute
    ? substituteAge
    : members.find((m) => m.memberNo === memberNo)?.ageYears;
  const minor = attendeeAge !== undefined && attendeeAge < MA_ATTENDEE_MIN_AGE;
  return (
    <div className="attendance-line">
      <p className="lead">
        {code}
        {household && (
          <span className="small">
            {' '}
            — {t('head', { name: household.headName })}
            {household.titulaireName
              ? ` · ${t('titulaire', { name: household.titulaireName })}`
              : ''}
          </span>
        )}
      </p>
      <ChoiceField
        name={`${p}.status`}
        label={t('fields.status', { code })}
        options={toOptions(attendanceStatus.labels, t, 'attendanceStatus')}
      />
      {status === 'present' && (
        <>
          <label className="choice-option checkbox-field">
            <input
              type="checkbox"
              checked={substitute}
              onChange={(e) => {
                setSubstitute(e.target.checked);
                if (e.target.checked)
                  setValue(`${p}.attendeeMemberNo`, undefined, { shouldDirty: true });
                else setValue(`${p}.substitute`, undefined, { shouldDirty: true });
              }}
            />
            <span>{t('fields.isSubstitute', { code })}</span>
          </label>
          {substitute ? (
            <>
              <TextField
                name={`${p}.substitute.name`}
                label={t('fields.substituteName', { code })}
              />
              <TextField
                name={`${p}.substitute.relation`}
                label={t('fields.substituteRelation', { code })}
              />
              <ChoiceField
                name={`${p}.substitute.sex`}
                label={t('fields.substituteSex', { code })}
                options={[
                  { value: 'F', label: t('options:sex.F', { defaultValue: 'Féminin' }) },
                  { value: 'M', label: t('options:sex.M', { defaultValue: 'Masculin' }) },
                ]}
              />
              <NumberField
                name={`${p}.substitute.ageYears`}
                label={t('fields.substituteAge', { code })}
              />
            </>
          ) : (
            <SelectField
              name={`${p}.attendeeMemberNo`}
              numeric
              label={t('fields.attendee', { code })}
              options={members.map((m) => ({
                value: String(m.memberNo),
                label: t('member', { no: m.memberNo, name: m.name }),
              }))}
            />
          )}
          {minor && (
            <CheckboxField
              name={`${p}.minorAttendeeConfirmed`}
              label={t('fields.minorConfirmed', { code })}
            />
          )}
        </>
      )}
      {(status === 'absent' || status === 'excused') && (
        <TextField name={`${p}.absenceReason`} label={t('fields.absenceReason', { code })} />
      )}
    </div>
  );
});
