import type { ModuleId } from '@jigi/domain';
import { ciblageFeature } from '../features/ciblage/ciblage-feature';
import { himoFeature } from '../features/himo/himo-feature';
import { maFeature } from '../features/ma/ma-feature';
import { pnpFeature } from '../features/pnp/pnp-feature';
import type { FieldModule, RecordScreen } from '../lib/field-module';

/**
 * The tablet's part of each programme module, keyed by the domain's module ids: a module added to the
 * domain's registry does not compile here until its feature folder gives its screens.
 */
export const fieldModules: Readonly<Record<ModuleId, FieldModule>> = {
  ciblage: ciblageFeature,
  ma: maFeature,
  pnp: pnpFeature,
  himo: himoFeature,
};

const screens = new Map<string, RecordScreen>(
  Object.values(fieldModules).flatMap((m) => Object.entries(m.records)),
);

/** The tablet screen of a record type (its form's path and name), if the tablet has a form for it. */
export function recordScreenOf(type: string): RecordScreen | undefined {
  return screens.get(type);
}

/** Record types the tablet has a form for, module by module. */
export const typesWithForms: readonly string[] = [...screens.keys()];
