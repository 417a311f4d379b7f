import { useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { readGps } from '../../lib/geolocation';
import { toOptions } from '../../lib/options';
import { Button } from '../button';
import { Notice } from '../notice';
import { FieldIssues } from './field-issues';
import { SelectField } from './select-field';

/** A GPS point with its accuracy, or — when there is none — the reason, chosen from a list. */
export function GpsField({
  name,
  reasonName,
  reasonLabels,
}: {
  name: string;
  reasonName?: string;
  reasonLabels?: Readonly<Record<string, string>>;
}) {
  const { t } = useTranslation('ciblage');
  const { setValue } = useFormContext();
  const gps = useWatch({ name }) as { lat: number; lon: number; accuracyM: number } | undefined;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function capture() {
    setBusy(true);
    setProblem(null);
    const reading = await readGps();
    setBusy(false);
    if (reading.ok) {
      setValue(
        name,
        { lat: reading.lat, lon: reading.lon, accuracyM: reading.accuracyM },
        { shouldDirty: true },
      );
      if (reasonName) setValue(reasonName, undefined, { shouldDirty: true });
    } else setProblem(t(`gps.${reading.reason}`));
  }

  return (
    <>
      <Button variant="primary" onClick={() => void capture()} disabled={busy}>
        {busy ? t('gps.capturing') : t('gps.capture')}
      </Button>
      <p className="lead" data-testid="gps-point">
        {gps
          ? t('gps.point', { lat: gps.lat, lon: gps.lon, accuracy: gps.accuracyM })
          : t('gps.none')}
      </p>
      {gps && (
        <Button
          onClick={() => {
            setValue(name, undefined, { shouldDirty: true });
          }}
        >
          {t('gps.clear')}
        </Button>
      )}
      <FieldIssues name={name} id={`${name}-issues`} />
      {problem && <Notice tone="warning">{problem}</Notice>}
      {!gps && reasonName && reasonLabels && (
        <SelectField
          name={reasonName}
          label={t('fields.gpsUnavailableReason')}
          options={toOptions(reasonLabels, t, 'gpsUnavailableReason')}
        />
      )}
    </>
  );
}
