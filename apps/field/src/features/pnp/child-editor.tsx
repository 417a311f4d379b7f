import {
  ageInMonths,
  childMuacRanges,
  ciblageOptions,
  dobSource,
  isMuacReading,
  muacColour,
  referralPlace,
} from '@jigi/domain';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { CheckboxField } from '../../components/form/checkbox-field';
import { ChoiceField } from '../../components/form/choice-field';
import { NumberField } from '../../components/form/number-field';
import { SelectField } from '../../components/form/select-field';
import { DateField } from '../../components/form/date-field';
import { TextField } from '../../components/form/text-field';
import { YesNoField } from '../../components/form/yes-no-field';
import { Notice } from '../../components/notice';
import { toOptions } from '../../lib/options';
import { useProgramSettings } from '../../lib/program-settings';
import { MuacBadge } from './muac-badge';
import { useEditing } from '../../components/form/use-editing';

type Woman = { id?: string; name?: string };

/** One child: age in months from the date of birth, MUAC colour at once, referral on red or oedema. */
export function ChildEditor({ index, onDone }: { index: number; onDone: () => void }) {
  const { t } = useTranslation('pnp');
  const settings = useProgramSettings();
  const p = `children.${index}`;
  const name = (useWatch({ name: `${p}.name` }) as string | undefined) ?? '';
  const dob = useWatch({ name: `${p}.dob` }) as string | undefined;
  const visitDate = useWatch({ name: 'visitDate' }) as string | undefined;
  const muac = useWatch({ name: `${p}.muacMm` }) as unknown;
  const oedema = useWatch({ name: `${p}.oedema` }) as boolean | undefined;
  const women = (useWatch({ name: 'women' }) ?? []) as Woman[];
  const months = dob && visitDate ? ageInMonths(dob, visitDate) : undefined;
  const red = isMuacReading(muac, childMuacRanges) && muacColour(muac, settings.muac) === 'red';
  const [typingMuac, muacWrapper] = useEditing();
  // Oedema alone is a complete answer; a red MUAC is announced once its field is left.
  const referralLive = oedema === true || !typingMuac;
  const sex = [
    { value: 'F', label: t('options:sex.F', { defaultValue: 'Féminin' }) },
    { value: 'M', label: t('options:sex.M', { defaultValue: 'Masculin' }) },
  ];
  return (
    <section className="card">
      <h3>{t('children.editTitle', { name: name || t('newChild') })}</h3>
      <TextField name={`${p}.name`} label={t('fields.childName')} autoComplete="off" />
      <ChoiceField name={`${p}.sex`} label={t('fields.childSex')} options={sex} />
      <DateField name={`${p}.dob`} label={t('fields.dob')} precisionName={`${p}.dobPrecision`} />
      <p className="lead" role="status" data-testid="age-months">
        {months !== undefined ? t('ageMonths', { months }) : t('ageUnknown')}
      </p>
      <SelectField
        name={`${p}.dobPrecision`}
        label={t('fields.dobPrecision')}
        options={toOptions(ciblageOptions.dobPrecision.labels, t, 'dobPrecision')}
      />
      <SelectField
        name={`${p}.dobSource`}
        label={t('fields.dobSource')}
        options={toOptions(dobSource.labels, t, 'dobSource')}
      />
      <SelectField
        name={`${p}.motherWomanId`}
        label={t('fields.mother')}
        options={women.filter((w) => w.id).map((w) => ({ value: w.id ?? '', label: w.name ?? '' }))}
      />
      <div {...muacWrapper}>
        <NumberField
          name={`${p}.muacMm`}
          label={t('fields.muacMm')}
          hint={t('muacHint')}
          suffix={t('mm')}
        />
      </div>
      <MuacBadge mm={muac} thresholds={settings.muac} announce={!typingMuac} />
      <CheckboxField name={`${p}.muacConfirmed`} label={t('fields.muacConfirmed')} />
      <YesNoField name={`${p}.oedema`} label={t('fields.oedema')} />
      {(red || oedema === true) && (
        <>
          <Notice tone="error" live={referralLive}>
            {t('referralNeeded')}
          </Notice>
          <SelectField
            name={`${p}.referredTo`}
            label={t('fields.referredTo')}
            options={toOptions(referralPlace.labels, t, 'referralPlace')}
          />
        </>
      )}
      <YesNoField name={`${p}.vaccinationCard`} label={t('fields.vaccinationCard')} />
      <TextField name={`${p}.rationType`} label={t('fields.rationType')} />
      <Button variant="primary" onClick={onDone}>
        {t('children.done')}
      </Button>
    </section>
  );
}
