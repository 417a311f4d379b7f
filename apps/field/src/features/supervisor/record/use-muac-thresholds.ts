import { defaultProgramSettings, type MuacThresholds } from '@jigi/domain';
import { useEffect, useState } from 'react';
import { programSettings } from '../../../storage/reference';

/**
 * MUAC thresholds of the programme as this device last pulled them, else the defaults: the colour
 * of a child is derived, never stored (domain `muacColour`), so the console derives it the same way.
 */
export function useMuacThresholds(): MuacThresholds {
  const [thresholds, setThresholds] = useState<MuacThresholds>(defaultProgramSettings.muac);
  useEffect(() => {
    void (async () => {
      try {
        const settings = await programSettings();
        if (settings) setThresholds(settings.muac);
      } catch {
        // No local store (first use): the defaults stand.
      }
    })();
  }, []);
  return thresholds;
}
