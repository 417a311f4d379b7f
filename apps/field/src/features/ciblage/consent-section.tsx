import { ciblageOptions } from '@jigi/domain';
import { useEffect } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { ChoiceField } from '../../components/form/choice-field';
import { YesNoField } from '../../components/form/yes-no-field';
import { Notice } from '../../components/notice';
import { nowIso } from '../../lib/clock';
import { toOptions } from '../../lib/options';

/**
 * The visit first: was the household interviewed, or why not (absent, refusal, moved, not found)?
 * A failed visit is that outcome alone — no consent question, no other section. Consent is asked only
 * of a household that is interviewed; « Non » there is not how a refusal is recorded, so it offers to
 * note the visit as a refusal instead of quietly changing the outcome.
 */
export function ConsentSection() {
  const { t } = useTranslation('ciblage');
  const { setValue, getValues } = useFormContext();
  const given = useWatch({ name: 'consent.given' }) as boolean | undefined;
  const result = useWatch({ name: 'result' }) as string | undefined;
  const interviewed = result === undefined || result === 'complete';
  useEffect(() => {
    if (!interviewed && getValues('consent') !== undefined)
      setValue('consent', undefined, { shouldDirty: true });
    if (interviewed && given === true && getValues('consent.at') === undefined)
      setValue('consent.at', nowIso(), { shouldDirty: true });
  }, [interviewed, given, getValues, setValue]);
  return (
    <>
      <ChoiceField
        name="result"
        label={t('fields.result')}
        options={toOptions(ciblageOptions.interviewResult.labels, t, 'interviewResult')}
      />
      {interviewed ? (
        <YesNoField name="consent.given" label={t('fields.consentGiven')} />
      ) : (
        <Notice tone="info">{t('visitFailed')}</Notice>
      )}
      {interviewed && given === false && (
        <Notice tone="warning">
          {t('consentRefused')}{' '}
          <Button
            onClick={() => {
              setValue('result', 'refus', { shouldDirty: true });
            }}
          >
            {t('recordRefusal')}
          </Button>
        </Notice>
      )}
    </>
  );
}
