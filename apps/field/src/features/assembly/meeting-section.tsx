import { assemblyMinutesDecision } from '@jigi/domain';
import { useTranslation } from 'react-i18next';
import { DateField } from '../../components/form/date-field';
import { NumberField } from '../../components/form/number-field';
import { SelectField } from '../../components/form/select-field';
import { TextField } from '../../components/form/text-field';
import { YesNoField } from '../../components/form/yes-no-field';
import { toOptions } from '../../lib/options';

/** The meeting: held or not yet, when and where, who chaired, who came, and the minutes' decision. */
export function MeetingSection() {
  const { t } = useTranslation('assembly');
  return (
    <>
      <YesNoField name="held" label={t('fields.held')} />
      <DateField name="date" label={t('fields.date')} />
      <TextField name="place" label={t('fields.place')} />
      <TextField name="chairedBy" label={t('fields.chairedBy')} />
      <NumberField name="attendanceMen" label={t('fields.attendanceMen')} />
      <NumberField name="attendanceWomen" label={t('fields.attendanceWomen')} />
      <SelectField
        name="minutesDecision"
        label={t('fields.minutesDecision')}
        options={toOptions(assemblyMinutesDecision.labels, t, 'assemblyMinutesDecision')}
      />
      <TextField name="minutesNote" label={t('fields.minutesNote')} />
    </>
  );
}
