import { MA_ATTENDEE_MIN_AGE, titulaireMember, type BeneficiaryHousehold } from '@jigi/domain';
import { memo, useId } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckboxField } from '../../components/form/checkbox-field';
import { ChoiceField } from '../../components/form/choice-field';
import { FieldIssues } from '../../components/form/field-issues';
import { NumberField } from '../../components/form/number-field';
import { TextField } from '../../components/form/text-field';
import {
  attendeeChoice,
  attendeeValues,
  markValues,
  type AttendeeChoice,
  type MarkStatus,
} from './roll-call';

type AttendanceLineValues = Parameters<typeof attendeeChoice>[0] & {
  householdCode?: string;
  status?: string;
  substitute?: { ageYears?: number };
};

const STATUSES: readonly MarkStatus[] = ['present', 'absent', 'excused'];

/**
 * One beneficiary household's line of the roll call: the titulaire's name (what the facilitator
 * calls out), the code under it, and « Présent » in one tap — who came defaults to the titulaire and
 * can be changed. Its status is one radio group, so a household can never be marked present twice;
 * memoised and subscribed to its own line only, so a tap re-renders one line and the counts.
 */
export const AttendanceLine = memo(function AttendanceLine({
  index,
  household,
}: {
  index: number;
  household: BeneficiaryHousehold | undefined;
}) {
  const { t } = useTranslation('ma');
  const id = useId();
  const { getValues, setValue } = useFormContext();
  const p = `attendance.${String(index)}`;
  // One subscription per line: a tap writes the line once and re-renders this line alone.
  const line = useWatch({ name: p }) as AttendanceLineValues | undefined;
  const code = line?.householdCode ?? '';
  const status = line?.status;
  const choice = line ? attendeeChoice(line) : undefined;
  const members = household?.members ?? [];
  const titulaire = household ? titulaireMember(household) : undefined;
  const attendeeAge =
    choice === 'substitute'
      ? line?.substitute?.ageYears
      : choice === 'titulaire'
        ? titulaire?.ageYears
        : members.find((m) => `member:${String(m.memberNo)}` === choice)?.ageYears;
  const minor = attendeeAge !== undefined && attendeeAge < MA_ATTENDEE_MIN_AGE;
  const name = household?.titulaireName ?? household?.headName ?? code;

  // The whole line in one write: one notification of the form's watchers, not one per key.
  const apply = (values: Record<string, unknown>) => {
    setValue(p, { ...(getValues(p) as Record<string, unknown>), ...values }, { shouldDirty: true });
  };
  const mark = (next: MarkStatus) => {
    apply(markValues(getValues(p) as Record<string, unknown>, next));
  };

  return (
    <div className={`attendance-line attendance-${status ?? 'unmarked'}`}>
      <fieldset className="field attendance-marks" aria-describedby={`${id}-issues`}>
        <legend className="visually-hidden">{t('fields.status', { code })}</legend>
        <p className="hh-name" aria-hidden="true">
          {name}
        </p>
        <p className="hh-code" aria-hidden="true">
          {code}
          {household && household.titulaireName && household.headName !== name
            ? ` · ${t('head', { name: household.headName })}`
            : ''}
        </p>
        <div className="mark-options">
          {STATUSES.map((s) => (
            <label key={s} className={`choice-option mark-${s}`}>
              <input
                type="radio"
                name={`${id}-status`}
                value={s}
                checked={status === s}
                onChange={() => {
                  mark(s);
                }}
              />
              <span>{t(`status.${s}`)}</span>
            </label>
          ))}
        </div>
        <FieldIssues name={`${p}.status`} id={`${id}-issues`} />
      </fieldset>
      {status === 'present' && choice !== undefined && (
        <div className="field">
          <label htmlFor={`${id}-attendee`}>{t('fields.attendee', { code })}</label>
          <select
            id={`${id}-attendee`}
            value={choice === 'none' ? '' : choice}
            aria-describedby={`${id}-attendee-issues`}
            onChange={(e) => {
              apply(attendeeValues(e.target.value as AttendeeChoice));
            }}
          >
            {choice === 'none' && <option value="">{t('common:choose')}</option>}
            <option value="titulaire">
              {household?.titulaireName
                ? t('attendeeTitulaire', { name: household.titulaireName })
                : t('attendeeTitulaireUnnamed')}
            </option>
            {members
              .filter((m) => m.memberNo !== titulaire?.memberNo)
              .map((m) => (
                <option key={m.memberNo} value={`member:${String(m.memberNo)}`}>
                  {t('member', { no: m.memberNo, name: m.name })}
                </option>
              ))}
            <option value="substitute">{t('attendeeSubstitute')}</option>
          </select>
          <FieldIssues name={`${p}.attendeeMemberNo`} id={`${id}-attendee-issues`} />
        </div>
      )}
      {status === 'present' && choice === 'substitute' && (
        <div className="substitute">
          <TextField name={`${p}.substitute.name`} label={t('fields.substituteName', { code })} />
          <TextField
            name={`${p}.substitute.relation`}
            label={t('fields.substituteRelation', { code })}
          />
          <ChoiceField
            name={`${p}.substitute.sex`}
            label={t('fields.substituteSex', { code })}
            options={[
              { value: 'F', label: t('sex.F') },
              { value: 'M', label: t('sex.M') },
            ]}
          />
          <NumberField
            name={`${p}.substitute.ageYears`}
            label={t('fields.substituteAge', { code })}
          />
        </div>
      )}
      {status === 'present' && minor && (
        <CheckboxField
          name={`${p}.minorAttendeeConfirmed`}
          label={t('fields.minorConfirmed', { code })}
        />
      )}
      {(status === 'absent' || status === 'excused') && (
        <TextField name={`${p}.absenceReason`} label={t('fields.absenceReason', { code })} />
      )}
    </div>
  );
});
