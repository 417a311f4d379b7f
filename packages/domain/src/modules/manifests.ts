import { assemblyManifest } from './assembly/assembly-manifest';
import { ciblageManifest } from './ciblage/ciblage-manifest';
import { himoManifest } from './himo/himo-manifest';
import { maManifest } from './ma/ma-manifest';
import type { ModuleManifest } from './module-descriptor';
import { pnpManifest } from './pnp/pnp-manifest';
import { isCaptureRole } from './roles';

// The modules by name only: no schema, so a bundle that needs the list (the tablet's shell) does not
// load zod. `registry.ts` holds the full descriptors; a test keeps the two equal. Whatever the shell
// does not need (`recordTypes`, `isRecordType`) lives with the registry.

/** Every programme module, in the order the apps list them. */
export const moduleManifests = [
  ciblageManifest,
  assemblyManifest,
  maManifest,
  pnpManifest,
  himoManifest,
] as const satisfies readonly ModuleManifest[];

export type ModuleId = (typeof moduleManifests)[number]['id'];
type ManifestRecordType = (typeof moduleManifests)[number]['recordTypes'][number];

/** The module a record type belongs to. */
export function moduleIdOfRecordType(type: string): ModuleId | undefined {
  return moduleManifests.find((m) => (m.recordTypes as readonly string[]).includes(type))?.id;
}

/**
 * Record types a role may write: the ones it captures, or every type for a reviewer (a supervisor's
 * resolution, an administrator's import). An unknown role writes nothing.
 */
export function recordTypesWritableBy(role: string): ManifestRecordType[] {
  if (role === 'admin' || role === 'supervisor')
    return moduleManifests.flatMap((m) => m.recordTypes);
  if (!isCaptureRole(role)) return [];
  return moduleManifests.flatMap((m) =>
    (m.capturedBy as readonly string[]).includes(role) ? m.recordTypes : [],
  );
}

/** Modules a role captures records of on a tablet (its home screen's work), in registry order. */
export function modulesCapturedBy(role: string): ModuleId[] {
  return moduleManifests
    .filter((m) => (m.capturedBy as readonly string[]).includes(role))
    .map((m) => m.id);
}
