import type { RecordType } from '@jigi/domain';
import { lazy, type ComponentType, type ReactNode } from 'react';

// What a module's feature folder gives the app: the app composes these (app/field-modules.ts) into the
// routes, the home tiles, the « À corriger » list and the warm-up, reading the domain's registry for
// which role captures which module. Each feature's `<id>-feature.tsx` is in the shell: its screens
// are lazy, so the shell carries the declarations and not the screens.

/**
 * The screen `key` of the chunk `load` imports, loaded on first render. A feature has one `load` per
 * chunk, shared by its screens and its warm-up, so the shell names each chunk once.
 */
export function lazyScreen<P extends object, K extends string>(
  load: () => Promise<Record<K, ComponentType<P>>>,
  key: K,
) {
  return lazy(() => load().then((m) => ({ default: m[key] })));
}

/** A home-screen tile; `title` and `hint` are i18n keys with their namespace (`home:newPnp`). */
export interface ModuleTile {
  to: string;
  title: string;
  hint?: string;
  primary?: boolean;
}

/** A screen of the module at a path pattern (`/himo/p/:projectId`), drawn from the path's parameters. */
export interface ModuleRoute {
  pattern: string;
  render: (params: Readonly<Record<string, string>>) => ReactNode;
}

/** Where a record type lives on the tablet: its form at `<path>/<id>`, named by `label` (an i18n key). */
export interface RecordScreen {
  path: string;
  label: string;
  form: ComponentType<{ id: string }>;
}

export interface FieldModule {
  /** Tiles of the home screen of a role that captures this module, in order. */
  tiles: readonly ModuleTile[];
  /** Its screens other than the record forms (lists, « new », a microproject…), before the forms. */
  routes: readonly ModuleRoute[];
  /** The record types it has a form for. */
  records: Partial<Record<RecordType, RecordScreen>>;
  /** The chunks its users open first, loaded in the background once the app is open. */
  warmUp: readonly (() => Promise<unknown>)[];
}
