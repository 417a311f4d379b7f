import type { ReviewFilters } from '../api/batches';
import { queryOf } from '../hooks/use-filters';

/** Console paths (hash router). Filters travel in the query so every screen and export shares them. */
export const consolePaths = {
  batches: (f: ReviewFilters = {}) => `/supervision/batches${queryOf(f)}`,
  batch: (n: number, f: ReviewFilters = {}) => `/supervision/batches/${String(n)}${queryOf(f)}`,
  record: (id: string, f: ReviewFilters = {}) =>
    `/supervision/records/${encodeURIComponent(id)}${queryOf(f)}`,
  conflicts: (f: ReviewFilters = {}) => `/supervision/conflicts${queryOf(f)}`,
  duplicates: (f: ReviewFilters = {}) => `/supervision/duplicates${queryOf(f)}`,
  dashboard: (f: ReviewFilters = {}) => `/supervision/dashboard${queryOf(f)}`,
  exports: (f: ReviewFilters = {}) => `/supervision/exports${queryOf(f)}`,
  // An import concerns one file, not the review filters.
  imports: (_f: ReviewFilters = {}) => '/supervision/imports',
};
