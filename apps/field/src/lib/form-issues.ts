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
  /** Field names (or prefixes: a section's `dwelling`, a roster line) whose issues a field may show. */
  private revealed = new Set<string>();
  private revealedAll = false;
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

  /**
   * A field shows its issues only once it has been touched, its section left, or finalising tried:
   * « obligatoire » under every question of a section just opened is noise, and hides the error that
   * matters. Summaries and counts (`getAll`, `under`) are not gated.
   */
  shown(name: string): readonly FieldIssue[] {
    return this.isRevealed(name) ? this.get(name) : EMPTY;
  }

  isRevealed(name: string): boolean {
    if (this.revealedAll) return true;
    let prefix = name;
    for (;;) {
      if (this.revealed.has(prefix)) return true;
      const dot = prefix.lastIndexOf('.');
      if (dot < 0) return false;
      prefix = prefix.slice(0, dot);
    }
  }

  /** Reveals the issues of these fields and everything under them (`members.3` → its fields). */
  reveal(names: Iterable<string>): void {
    let changed = false;
    for (const name of names)
      if (name !== '' && !this.revealed.has(name)) {
        this.revealed.add(name);
        changed = true;
      }
    if (changed && !this.revealedAll) this.notifyAll();
  }

  revealAll(): void {
    if (this.revealedAll) return;
    this.revealedAll = true;
    this.notifyAll();
  }

  private notifyAll(): void {
    for (const set of this.listeners.values())
      set.forEach((l) => {
        l();
      });
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

/** Issues one field shows under it: none before it is touched, its section left, or finalising tried. */
export function useShownFieldIssues(name: string): readonly FieldIssue[] {
  const store = useContext(IssueStoreContext);
  return useSyncExternalStore(
    (l) => (store ? store.subscribe(name, l) : () => undefined),
    () => (store ? store.shown(name) : EMPTY),
  );
}

/**
 * Form field names holding an answer (`villageId`, `members.0.sex`): a draft reopened shows the
 * issues of what was answered before, as it did when it was left.
 */
export function answeredNames(values: unknown, prefix = ''): string[] {
  if (values === undefined || values === null || values === '') return [];
  if (Array.isArray(values))
    return values.flatMap((v, i) => answeredNames(v, `${prefix}${String(i)}.`));
  if (typeof values === 'object')
    return Object.entries(values as Record<string, unknown>).flatMap(([k, v]) =>
      answeredNames(v, `${prefix}${k}.`),
    );
  return [prefix.slice(0, -1)];
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
