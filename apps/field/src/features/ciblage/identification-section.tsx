import { ciblageOptions } from '@jigi/domain';
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { NumberField } from '../../components/form/number-field';
import { SelectField } from '../../components/form/select-field';
import { DateField } from '../../components/form/date-field';
import { PhoneField } from '../../components/form/phone-field';
import { TextField } from '../../components/form/text-field';
import { VillageField } from '../../components/form/village-field';
import { toOptions } from '../../lib/options';
import { useSession } from '../../lib/session';
import { workItems } from '../../storage/records';
import { allVillages } from '../../storage/reference';
import { householdCode } from './new-ciblage';

export function IdentificationSection() {
  const { t } = useTranslation('ciblage');
  useAutoHouseholdCode();
  return (
    <>
      <VillageField name="villageId" label={t('fields.village')} />
      <DateField name="interviewDate" label={t('fields.interviewDate')} />
      <TextField name="householdCode" label={t('fields.householdCode')} autoComplete="off" />
      <NumberField name="cbtListRank" label={t('fields.cbtListRank')} />
      <PhoneField name="headPhone" label={t('fields.headPhone')} />
      <SelectField
        name="headIdType"
        label={t('fields.headIdType')}
        options={toOptions(ciblageOptions.headIdType.labels, t, 'headIdType')}
      />
      <TextField name="headIdNo" label={t('fields.headIdNo')} autoComplete="off" />
      <SelectField
        name="residenceStatus"
        label={t('fields.residenceStatus')}
        options={toOptions(ciblageOptions.residenceStatus.labels, t, 'residenceStatus')}
      />
    </>
  );
}

/** Once the village is chosen, proposes a household code if there is none yet. */
function useAutoHouseholdCode(): void {
  const { user } = useSession();
  const { getValues, setValue } = useFormContext();
  const villageId = useWatch({ name: 'villageId' }) as string | undefined;
  useEffect(() => {
    if (!villageId || getValues('householdCode')) return;
    void (async () => {
      const [villages, items] = await Promise.all([
        allVillages(),
        workItems(user.id, ['ciblage_household']),
      ]);
      const village = villages.find((v) => v.id === villageId);
      if (village && !getValues('householdCode'))
        setValue(
          'householdCode',
          householdCode(
            village.name,
            user.name,
            items.length,
            (getValues('deviceId') as string | undefined) ?? '',
          ),
          { shouldDirty: true },
        );
    })();
  }, [villageId, user.id, user.name, getValues, setValue]);
}
