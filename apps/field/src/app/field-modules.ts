import type { ModuleId } from '@jigi/domain';
import { assemblyFeature } from '../features/assembly/assembly-feature';
import { ciblageFeature } from '../features/ciblage/ciblage-feature';
import { himoFeature } from '../features/himo/himo-feature';
import { maFeature } from '../features/ma/ma-feature';
import { pnpFeature } from '../features/pnp/pnp-feature';
import type { FieldModule } from '../lib/field-module';

/**
 * The tablet's part of each programme module, keyed by the domain's module ids: a module added to the
 * domain's registry does not compile here until its feature folder gives its screens.
 */
export const fieldModules: Readonly<Record<ModuleId, FieldModule>> = {
  ciblage: ciblageFeature,
  assembly: assemblyFeature,
  ma: maFeature,
  pnp: pnpFeature,
  himo: himoFeature,
};
