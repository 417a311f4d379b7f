import { defaultProgramSettings, type ProgramSettings } from '@jigi/domain';
import { programSettings } from '../storage/reference';
import { useLive } from './use-live';

/** The program settings pulled from the server; the domain defaults until the first pull. */
export function useProgramSettings(): ProgramSettings {
  const live = useLive(programSettings, []);
  return live.status === 'ready' && live.value ? live.value : defaultProgramSettings;
}
