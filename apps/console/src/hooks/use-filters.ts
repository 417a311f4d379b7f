import { useCallback, useMemo } from 'react';
import { navigate, usePath } from '../lib/router';
import type { ReviewFilters } from '../api/batches';

const KEYS = [
  'zone',
  'userId',
  'from',
  'to',
  'recordType',
  'status',
] as const satisfies readonly (keyof ReviewFilters)[];

/** Filters read from the URL's query (`#/supervision?zone=…`), so a filtered view can be shared and survives reload. */
export function filtersOf(path: string): ReviewFilters {
  const query = new URLSearchParams(path.split('?')[1] ?? '');
  const out: ReviewFilters = {};
  for (const key of KEYS) {
    const value = query.get(key);
    if (value) out[key] = value;
  }
  return out;
}

export function queryOf(filters: ReviewFilters): string {
  const params = new URLSearchParams();
  for (const key of KEYS) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text === '' ? '' : `?${text}`;
}

/** A stable text of the filters, for effect keys. */
export function filtersKey(filters: ReviewFilters): string {
  return queryOf(filters);
}

/** The current screen's filters and a setter that rewrites the URL (replace: no history entry per keystroke). */
export function useFilters(): {
  filters: ReviewFilters;
  path: string;
  setFilters: (next: ReviewFilters) => void;
} {
  const full = usePath();
  const path = full.split('?')[0] ?? full;
  const filters = useMemo(() => filtersOf(full), [full]);
  const setFilters = useCallback(
    (next: ReviewFilters) => {
      navigate(`${path}${queryOf(next)}`, { replace: true });
    },
    [path],
  );
  return { filters, path, setFilters };
}
