import { isMuacReading, womanMuacRanges, womanStatus } from '@jigi/domain';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/button';
import { CheckboxField } from '../../components/form/checkbox-field';
import { NumberField } from '../../components/form/number-field';
import { SelectField } from '../../components/form/select-field';
import { PhoneField } from '../../components/form/phone-field';
import { TextField } from '../../components/form/text-field';
import { useEditing } from '../../components/form/use-editing';
import { Notice } from '../../components/notice';
import { toOptions } from '../../lib/options';
import { useProgramSettings } from '../../lib/program-settings';

export function WomanEditor({ index, onDone }: { index: number; onDone: () => void }) {
  const { t } = useTranslation('pnp');
  const settings = useProgramSettings();
  const p = `women.${index}`;
  const name = (useWatch({ name: `${p}.name` }) as string | undefined) ?? '';
  const status = useWatch({ name: `${p}.status` }) as string | undefined;
  const muac = useWatch({ name: `${p}.muacMm` }) as unknown;
  const [typingMuac, muacWrapper] = useEditing();
  return (
    <section className="card">
      <h3>{t('women.editTitle', { name: name || t('newWoman') })}</h3>
      <TextField name={`${p}.name`} label={t('fields.womanName')} autoComplete="off" />
      <NumberField name={`${p}.age`} label={t('fields.womanAge')} />
      <SelectField
        name={`${p}.status`}
        label={t('fields.womanStatus')}
        options={toOptions(womanStatus.labels, t, 'womanStatus')}
      />
      {(status === 'enceinte' || status === 'both') && (
        <NumberField name={`${p}.pregnancyMonths`} label={t('fields.pregnancyMonths')} />
      )}
      <div {...muacWrapper}>
        <NumberField
          name={`${p}.muacMm`}
          label={t('fields.womanMuac')}
          hint={t('muacHint')}
          suffix={t('mm')}
        />
      </div>
      {isMuacReading(muac, womanMuacRanges) && muac < settings.muac.womanBelowMm && (
        <Notice tone="error" live={!typingMuac} key={typingMuac ? 'quiet' : 'live'}>
          {t('womanMalnourished', { threshold: settings.muac.womanBelowMm })}
        </Notice>
      )}
      <CheckboxField name={`${p}.muacConfirmed`} label={t('fields.muacConfirmed')} />
      <NumberField name={`${p}.cpnCount`} label={t('fields.cpnCount')} />
      <PhoneField name={`${p}.phone`} label={t('fields.womanPhone')} />
      <Button variant="primary" onClick={onDone}>
        {t('women.done')}
      </Button>
    </section>
  );
}
