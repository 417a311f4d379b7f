import { assemblyModule } from './assembly/assembly-module';
import { ciblageModule } from './ciblage/ciblage-module';
import { himoModule } from './himo/himo-module';
import { maModule } from './ma/ma-module';
import { moduleManifests, type ModuleId } from './manifests';
import type { ModuleDescriptor, RecordTypeDescriptor } from './module-descriptor';
import { pnpModule } from './pnp/pnp-module';

/**
 * Every programme module with its record types: the one list the server, the tablet and the console
 * read instead of naming record types. Adding a module is a folder under `modules/` and a line here
 * (and in `manifests.ts`, which the tablet's shell reads without loading schemas).
 */
export const modules = [ciblageModule, assemblyModule, maModule, pnpModule, himoModule] as const;

/** The descriptor of any current record type. */
export type AnyRecordTypeDescriptor = (typeof modules)[number]['records'][number];

// The light list and this one name the same modules and record types (the order is tested): a
// module added to one and not the other does not compile.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Assert<T extends true> = T;
export type ManifestsMatchRegistry = Assert<
  Same<
    [(typeof modules)[number]['id'], AnyRecordTypeDescriptor['type']],
    [ModuleId, (typeof moduleManifests)[number]['recordTypes'][number]]
  >
>;

/** Every record type's descriptor, module by module. */
export const recordTypeDescriptors: readonly AnyRecordTypeDescriptor[] = modules.flatMap(
  (m): readonly AnyRecordTypeDescriptor[] => m.records,
);

const byType = new Map<string, AnyRecordTypeDescriptor>(
  recordTypeDescriptors.map((d) => [d.type, d]),
);

/** The descriptor of a record type, or undefined for a name that is not one. */
export function recordTypeDescriptor(type: string): AnyRecordTypeDescriptor | undefined {
  return byType.get(type);
}

/** The module a record type belongs to. */
export function moduleOfRecordType(type: string): ModuleDescriptor | undefined {
  return modules.find((m) =>
    (m.records as readonly RecordTypeDescriptor[]).some((r) => r.type === type),
  );
}

/** A module's descriptor by its id. */
export function moduleById(id: ModuleId): (typeof modules)[number] {
  const found = modules.find((m) => m.id === id);
  if (!found) throw new Error(`Module ${id} is in the manifests but not in the registry.`);
  return found;
}
