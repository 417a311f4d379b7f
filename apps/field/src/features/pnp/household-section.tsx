import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { ChoiceField } from '../../components/form/choice-field';
import { DateField } from '../../components/form/date-field';
import { PhoneField } from '../../components/form/phone-field';
import { TextField } from '../../components/form/text-field';
import { SelectField } from '../../components/form/select-field';
import { VillageField } from '../../components/form/village-field';
import { liveValue, useLive } from '../../lib/use-live';
import { householdsOfVillage } from '../../storage/reference';

/**
 * The TM beneficiary household, picked from the village's beneficiary list (pulled with the village),
 * never typed: a typo would link the enrolment to no household or to another one. Empty: not one.
 */
function BeneficiaryCodeField() {
  const { t } = useTranslation('pnp');
  const villageId = useWatch({ name: 'villageId' }) as string | undefined;
  const households = liveValue(
    useLive(() => (villageId ? householdsOfVillage(villageId) : Promise.resolve([])), [villageId]),
    [],
  );
  return (
    <SelectField
      name="household.householdCode"
      label={t('fields.householdCode')}
      hint={villageId ? t('householdCodeHint') : t('householdCodeNoVillage')}
      options={households.map((h) => ({
        value: h.householdCode,
        label: `${h.householdCode} — ${h.headName}`,
      }))}
    />
  );
}

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
      <BeneficiaryCodeField />
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
