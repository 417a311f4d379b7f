import { muacColour, muacColourLabels, type MuacThresholds } from '@jigi/domain';
import { useTranslation } from 'react-i18next';

/** The MUAC colour, shown as soon as a number is typed (derived, never stored). */
export function MuacBadge({ mm, thresholds }: { mm: unknown; thresholds: MuacThresholds }) {
  const { t } = useTranslation('pnp');
  if (typeof mm !== 'number' || !Number.isFinite(mm)) return null;
  const colour = muacColour(mm, thresholds);
  return (
    <p role="status" data-testid="muac-colour">
      <span className={`muac muac-${colour}`}>
        {t('muacColour', {
          colour: t(`options:muacColour.${colour}`, { defaultValue: muacColourLabels[colour] }),
        })}
      </span>
    </p>
  );
}
