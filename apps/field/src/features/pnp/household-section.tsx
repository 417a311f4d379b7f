import { useTranslation } from 'react-i18next';
import { ChoiceField } from '../../components/form/choice-field';
import { DateField } from '../../components/form/date-field';
import { PhoneField } from '../../components/form/phone-field';
import { TextField } from '../../components/form/text-field';
import { VillageField } from '../../components/form/village-field';

export function HouseholdSection() {
  const { t } = useTranslation('pnp');
  const sex = [
    { value: 'F', label: t('options:sex.F', { defaultValue: 'Féminin' }) },
    { value: 'M', label: t('options:sex.M', { defaultValue: 'Masculin' }) },
  ];
  return (
    <>
      <VillageField name="villageId" label={t('fields.village')} filter={(v) => v.pnp} />
      <DateField name="visitDate" label={t('fields.visitDate')} />
      <TextField
        name="household.householdCode"
        label={t('fields.householdCode')}
        autoComplete="off"
      />
      <TextField
        name="household.caregiver.name"
        label={t('fields.caregiverName')}
        autoComplete="off"
      />
      <ChoiceField name="household.caregiver.sex" label={t('fields.caregiverSex')} options={sex} />
      <TextField name="household.caregiver.relation" label={t('fields.caregiverRelation')} />
      <PhoneField name="household.caregiver.phone" label={t('fields.caregiverPhone')} />
    </>
  );
}
