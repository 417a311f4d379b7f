import {
  childMuacRanges,
  isMuacReading,
  muacColour,
  muacColourLabels,
  type MuacThresholds,
} from '@jigi/domain';
import { useTranslation } from 'react-i18next';

/**
 * The MUAC colour (derived, never stored), shown once the number is a reading: while it is not
 * (11,5 typed in cm, 9999) the field shows the rules' error and no colour that could be believed.
 */
export function MuacBadge({
  mm,
  thresholds,
  announce = true,
}: {
  mm: unknown;
  thresholds: MuacThresholds;
  /** False while the value is being typed: shown, announced once the field is left. */
  announce?: boolean;
}) {
  const { t } = useTranslation('pnp');
  if (!isMuacReading(mm, childMuacRanges)) return null;
  const colour = muacColour(mm, thresholds);
  return (
    <p role={announce ? 'status' : undefined} data-testid="muac-colour">
      <span className={`muac muac-${colour}`}>
        {t('muacColour', {
          colour: t(`options:muacColour.${colour}`, { defaultValue: muacColourLabels[colour] }),
        })}
      </span>
    </p>
  );
}
