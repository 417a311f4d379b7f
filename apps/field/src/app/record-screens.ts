import type { RecordScreen } from '../lib/field-module';
import { fieldModules } from './field-modules';

// Read by « À corriger » only, so it stays out of the shell's chunk.

const screens = new Map<string, RecordScreen>(
  Object.values(fieldModules).flatMap((m) => Object.entries(m.records)),
);

/** The tablet screen of a record type (its form's path and name), if the tablet has a form for it. */
export function recordScreenOf(type: string): RecordScreen | undefined {
  return screens.get(type);
}

/** Record types the tablet has a form for, module by module. */
export const typesWithForms: readonly string[] = [...screens.keys()];
