import { ciblageOptions } from '@jigi/domain';
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Notice } from '../../components/notice';
import { SelectField } from '../../components/form/select-field';
import { YesNoField } from '../../components/form/yes-no-field';
import { nowIso } from '../../lib/clock';
import { toOptions } from '../../lib/options';

/** Consent first: a refusal ends the interview with the result « Refus ». */
export function ConsentSection() {
  const { t } = useTranslation('ciblage');
  const { setValue, getValues } = useFormContext();
  const given = useWatch({ name: 'consent.given' }) as boolean | undefined;
  const result = useWatch({ name: 'result' }) as string | undefined;
  useEffect(() => {
    if (given === false && getValues('result') === 'complete')
      setValue('result', 'refus', { shouldDirty: true });
    if (given === true && getValues('consent.at') === undefined)
      setValue('consent.at', nowIso(), { shouldDirty: true });
    if (given === true && getValues('result') === 'refus')
      setValue('result', 'complete', { shouldDirty: true });
  }, [given, getValues, setValue]);
  return (
    <>
      <YesNoField name="consent.given" label={t('fields.consentGiven')} />
      <SelectField
        name="result"
        label={t('fields.result')}
        options={toOptions(ciblageOptions.interviewResult.labels, t, 'interviewResult')}
      />
      {given === false && <Notice tone="warning">{t('consentRefused')}</Notice>}
      {result !== undefined && result !== 'complete' && given !== false && (
        <Notice tone="info">{t('notComplete')}</Notice>
      )}
    </>
  );
}
