import { createContext, useContext, useSyncExternalStore } from 'react';

export interface FieldIssue {
  path: string;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  /** The form field the issue belongs to (`members.3.sex`). */
  name?: string;
}

/**
 * Converts a domain issue path (`members.<id>.sex`, or `members.0.sex`, or an array of segments) to
 * the form's field name (`members.3.sex`) by finding keyed children in the current values.
 */
export function toFieldName(path: string | readonly (string | number)[], values: unknown): string {
  const segments = typeof path === 'string' ? path.split('.') : path.map(String);
  const out: string[] = [];
  let cur: unknown = values;
  for (const seg of segments) {
    if (Array.isArray(cur) && !/^\d+$/.test(seg)) {
      const index = cur.findIndex(
        (item: unknown) =>
          typeof item === 'object' && item !== null && (item as { id?: unknown }).id === seg,
      );
      out.push(index >= 0 ? String(index) : seg);
      cur = index >= 0 ? cur[index] : undefined;
    } else {
      out.push(seg);
      cur =
        cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out.join('.');
}

const EMPTY: readonly FieldIssue[] = [];

/**
 * Validation issues of the open form, by field name. Each field subscribes to its own name only, so
 * re-validating a 60-member roster on a keystroke re-renders just the fields whose issues changed.
 */
export class IssueStore {
  private byName = new Map<string, FieldIssue[]>();
  private all: readonly FieldIssue[] = EMPTY;
  private listeners = new Map<string, Set<() => void>>();

  set(issues: readonly (FieldIssue & { name: string })[]): void {
    const next = new Map<string, FieldIssue[]>();
    for (const issue of issues) {
      const list = next.get(issue.name) ?? [];
      list.push(issue);
      next.set(issue.name, list);
    }
    const changed = new Set<string>();
    for (const name of new Set([...this.byName.keys(), ...next.keys()])) {
      if (JSON.stringify(this.byName.get(name)) !== JSON.stringify(next.get(name)))
        changed.add(name);
    }
    this.byName = next;
    const allChanged = JSON.stringify(this.all) !== JSON.stringify(issues);
    if (allChanged) this.all = issues;
    for (const name of changed)
      this.listeners.get(name)?.forEach((l) => {
        l();
      });
    if (allChanged)
      this.listeners.get('*')?.forEach((l) => {
        l();
      });
  }

  get(name: string): readonly FieldIssue[] {
    return this.byName.get(name) ?? EMPTY;
  }

  getAll(): readonly FieldIssue[] {
    return this.all;
  }

  /** Issues whose field name starts with `prefix.` (a roster line, a section). */
  under(prefix: string): readonly FieldIssue[] {
    return this.all.filter(
      (i) => i.name !== undefined && (i.name === prefix || i.name.startsWith(`${prefix}.`)),
    );
  }

  subscribe(name: string, listener: () => void): () => void {
    const set = this.listeners.get(name) ?? new Set();
    set.add(listener);
    this.listeners.set(name, set);
    return () => {
      set.delete(listener);
    };
  }
}

export const IssueStoreContext = createContext<IssueStore | null>(null);

/** Issues of one field (re-renders only when they change). */
export function useFieldIssues(name: string): readonly FieldIssue[] {
  const store = useContext(IssueStoreContext);
  return useSyncExternalStore(
    (l) => (store ? store.subscribe(name, l) : () => undefined),
    () => (store ? store.get(name) : EMPTY),
  );
}

/** Every issue of the form (summary screens). */
export function useAllIssues(): readonly FieldIssue[] {
  const store = useContext(IssueStoreContext);
  return useSyncExternalStore(
    (l) => (store ? store.subscribe('*', l) : () => undefined),
    () => (store ? store.getAll() : EMPTY),
  );
}

/** Number of errors under a prefix (a roster line): a number, so rows re-render only when it changes. */
export function useErrorCount(prefix: string): number {
  const store = useContext(IssueStoreContext);
  return useSyncExternalStore(
    (l) => (store ? store.subscribe('*', l) : () => undefined),
    () => (store ? store.under(prefix).filter((i) => i.severity === 'error').length : 0),
  );
}
