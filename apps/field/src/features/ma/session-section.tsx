import { facilitatorRole, sessionLanguage } from '@jigi/domain';
import { useTranslation } from 'react-i18next';
import { CheckboxListField } from '../../components/form/checkbox-list-field';
import { NumberField } from '../../components/form/number-field';
import { SelectField } from '../../components/form/select-field';
import { DateField } from '../../components/form/date-field';
import { PhoneField } from '../../components/form/phone-field';
import { TextField } from '../../components/form/text-field';
import { VillageField } from '../../components/form/village-field';
import { toOptions } from '../../lib/options';
import { useProgramSettings } from '../../lib/program-settings';

export function SessionSection() {
  const { t } = useTranslation('ma');
  const settings = useProgramSettings();
  const themes = settings.maThemes
    .filter((th) => th.active)
    .map((th) => ({
      value: th.code,
      label: t(`options:maTheme.${th.code}`, { defaultValue: th.label }),
    }));
  return (
    <>
      <VillageField name="villageId" label={t('fields.village')} />
      <DateField name="date" label={t('fields.date')} />
      <TextField name="startTime" type="time" label={t('fields.startTime')} />
      <NumberField name="durationMin" label={t('fields.durationMin')} />
      <NumberField name="sessionNo" label={t('fields.sessionNo')} />
      <CheckboxListField name="themes" label={t('fields.themes')} options={themes} />
      <TextField name="facilitator.name" label={t('fields.facilitatorName')} />
      <SelectField
        name="facilitator.role"
        label={t('fields.facilitatorRole')}
        options={toOptions(facilitatorRole.labels, t, 'facilitatorRole')}
      />
      <PhoneField name="facilitator.phone" label={t('fields.facilitatorPhone')} />
      <TextField name="partnerNgo" label={t('fields.partnerNgo')} />
      <SelectField
        name="languageUsed"
        label={t('fields.languageUsed')}
        options={toOptions(sessionLanguage.labels, t, 'sessionLanguage')}
      />
      <TextField name="place" label={t('fields.place')} />
      <NumberField name="menCount" label={t('fields.menCount')} />
      <NumberField name="womenCount" label={t('fields.womenCount')} />
      <TextField name="observations" label={t('fields.observations')} />
    </>
  );
}
